using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamPredictor.Cli.Errors;
using StreamPredictor.Client;
using StreamPredictor.Client.Hosting;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.Cli;

/// <summary>A <see cref="StreamClient"/> and the host behind it: a client of a running silo, or an embedded silo.</summary>
public sealed class ClusterConnection(IHost host, StreamClient client) : IAsyncDisposable
{
    public const string LogLevelVariable = "STREAM_LOG_LEVEL";

    public StreamClient Client { get; } = client;

    /// <param name="embedded">Host an embedded silo in this process.</param>
    /// <param name="client">Otherwise, how to reach the cluster.</param>
    public static async Task<ClusterConnection> OpenAsync(bool embedded, Action<StreamClientOptions>? client, string? dataDirectory, CancellationToken cancellationToken)
    {
        IHost? host = null;
        try
        {
            host = embedded
                ? EmbeddedSiloHost.Build(new StreamSiloOptions { DataDirectory = dataDirectory ?? StreamSiloOptions.DefaultDataDirectory, SiloPort = 0, GatewayPort = 0 }, LogLevelFromEnvironment())
                : BuildClientHost(client);
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (!embedded && e is not OperationCanceledException)
        {
            host?.Dispose();
            var target = new StreamClientOptions();
            client?.Invoke(target);
            var where = target.Redis is { } redis ? $"through Redis {redis}" : $"at {string.Join(", ", target.Gateways)}";
            throw new CliUsageException($"cannot reach a silo {where} ({e.GetBaseException().Message}); start one with 'dotnet run --project src/Silo', or pass --embedded");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host?.Dispose();
            throw new CliFailureException($"cannot start an embedded silo with its data in {dataDirectory ?? StreamSiloOptions.DefaultDataDirectory} ({e.GetBaseException().Message})");
        }

        var streamClient = embedded
            ? new StreamClient(host.Services.GetRequiredService<IClusterClient>(), Options.Create(new StreamClientOptions()))
            : host.Services.GetRequiredService<StreamClient>();
        return new ClusterConnection(host, streamClient);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    /// <summary>
    /// How much of the Orleans client's or embedded silo's own logging reaches standard error: nothing unless
    /// STREAM_LOG_LEVEL names a level (Trace … Critical), so that a failure is the command's one error line.
    /// </summary>
    private static LogLevel LogLevelFromEnvironment() =>
        Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable(LogLevelVariable), ignoreCase: true, out var level) ? level : LogLevel.None;

    private static IHost BuildClientHost(Action<StreamClientOptions>? client)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevelFromEnvironment());
        builder.AddStreamClient(client);
        return builder.Build();
    }
}
