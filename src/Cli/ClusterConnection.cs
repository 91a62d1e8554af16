using StreamPredictor.Connections.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamPredictor.Cli.Errors;
using StreamPredictor.Client;
using StreamPredictor.Client.Advanced;
using StreamPredictor.Client.Cluster;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.Cli;

/// <summary>An <see cref="IStreamClient"/> and the host behind it: a client of a running cluster, or an embedded silo.</summary>
public sealed class ClusterConnection(IHost host, IStreamClient client) : IAsyncDisposable
{
    public const string LogLevelVariable = "STREAM_LOG_LEVEL";

    /// <summary>How long a stop may take once the command was cancelled (Ctrl-C): the state is stored before it is confirmed.</summary>
    private static readonly TimeSpan HastyStop = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan OrderlyStop = TimeSpan.FromSeconds(30);

    private CancellationToken _cancellation;

    public IStreamClient Client { get; } = client;

    /// <summary>The Orleans client under <see cref="Client"/>, for the grain calls the SDK does not wrap.</summary>
    public IClusterClient Cluster => host.Services.GetRequiredService<IClusterClient>();

    /// <summary>
    /// Where the commands connect: an embedded silo, a cluster profile's Redis and NATS, or the gateways that
    /// <see cref="Client"/> sets (<see cref="Gateway"/> names them in messages).
    /// </summary>
    public sealed record Target(bool Embedded, string? DataDirectory, string? Redis, string NatsUrl, string Gateway, Action<StreamClientOptions> Client);

    public static async Task<ClusterConnection> OpenAsync(Target target, CancellationToken cancellationToken)
    {
        IHost? host = null;
        try
        {
            host = target.Embedded
                ? EmbeddedSiloHost.Build(new StreamSiloOptions { DataDirectory = target.DataDirectory ?? StreamSiloOptions.DefaultDataDirectory, SiloPort = 0, GatewayPort = 0 }, LogLevelFromEnvironment())
                : BuildClientHost(target);
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (!target.Embedded && e is not OperationCanceledException)
        {
            host?.Dispose();
            var where = target.Redis is { } redis ? $"through Redis {RedisServers(redis)}" : $"at {target.Gateway}";
            throw new CliUsageException($"cannot reach a silo {where} ({Reason(e)}); start one with 'dotnet run --project src/Silo', or pass --embedded");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host?.Dispose();
            throw new CliFailureException($"cannot start an embedded silo with its data in {target.DataDirectory ?? StreamSiloOptions.DefaultDataDirectory} ({e.GetBaseException().Message})");
        }

        var client = target.Embedded
            ? StreamClientFactory.Create(host.Services.GetRequiredService<IClusterClient>(), Configured(target.Client), host.Services.GetRequiredService<ILoggerFactory>())
            : host.Services.GetRequiredService<IStreamClient>();
        return new ClusterConnection(host, client) { _cancellation = cancellationToken };
    }

    /// <summary>The servers of a Redis setting, never its password or other options (an error line is often pasted).</summary>
    private static string RedisServers(string configuration)
    {
        try
        {
            return RedisAuth.Redacted(StackExchange.Redis.ConfigurationOptions.Parse(configuration));
        }
        catch (ArgumentException)
        {
            return "(its setting does not parse)";
        }
    }

    /// <param name="embedded">Host an embedded silo in this process.</param>
    /// <param name="client">Client settings; with <paramref name="embedded"/> false, they must name the gateway.</param>
    /// <param name="dataDirectory">The embedded silo's data directory (default: ~/.local/share/stream).</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    public static Task<ClusterConnection> OpenAsync(bool embedded, Action<StreamClientOptions>? client, string? dataDirectory, CancellationToken cancellationToken)
    {
        var configured = Configured(client ?? (_ => { }));
        return OpenAsync(new Target(embedded, dataDirectory, null, string.Empty, string.Join(", ", configured.Gateways), client ?? (_ => { })), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(_cancellation.IsCancellationRequested ? HastyStop : OrderlyStop);
        try
        {
            await host.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping took too long after a cancellation: let the process end; nothing unconfirmed was reported stored.
        }

        host.Dispose();
    }

    /// <summary>
    /// How much of the Orleans client's or embedded silo's own logging reaches standard error: nothing unless
    /// STREAM_LOG_LEVEL names a level (Trace … Critical), so that a failure is the command's one error line.
    /// </summary>
    private static LogLevel LogLevelFromEnvironment() =>
        Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable(LogLevelVariable), ignoreCase: true, out var level) ? level : LogLevel.None;

    private static IHost BuildClientHost(Target target)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddEnvironmentVariables();
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        var level = LogLevelFromEnvironment();
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(level)
            .AddFilter("Orleans", level)
            .AddFilter("Microsoft.Orleans", level);
        if (target.Redis is { } redis)
        {
            builder.AddStreamClusterClient(cluster =>
            {
                cluster.Redis = redis;
                cluster.NatsUrl = target.NatsUrl;
            }, target.Client);
        }
        else
        {
            builder.AddStreamClient(target.Client);
        }

        return builder.Build();
    }

    private static StreamClientOptions Configured(Action<StreamClientOptions> configure)
    {
        var options = new StreamClientOptions();
        configure(options);
        return options;
    }

    private static string Reason(Exception e) => e switch
    {
        OptionsValidationException validation => validation.Message,
        StreamClientException sdk => sdk.Message,
        _ => e.GetBaseException().Message,
    };
}
