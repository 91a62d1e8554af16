using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamPredictor.Client.Hosting;

namespace StreamPredictor.FaultTests.Support;

/// <summary>
/// A cluster-profile deployment made of real processes on loopback: a durable redis-server, a nats-server with
/// JetStream, and silo processes, plus an observer client in this process for the management grain and counts.
/// Everything is killed and its folder removed on dispose.
/// </summary>
public sealed class FaultCluster : IAsyncDisposable
{
    public static readonly TimeSpan SiloStartDeadline = TimeSpan.FromMinutes(2);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("stream-fault-");
    private readonly List<SiloProcess> _silos = [];
    private IHost? _observer;

    private FaultCluster()
    {
        Redis = new RedisServer(Path.Combine(_directory.FullName, "redis"));
        Nats = new NatsServer(Path.Combine(_directory.FullName, "nats"));
    }

    public string ClusterId { get; } = "fault-" + Guid.NewGuid().ToString("N")[..8];

    public RedisServer Redis { get; }

    public NatsServer Nats { get; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    /// <summary>The options every cluster command of <c>stream</c> takes to reach this deployment.</summary>
    public string[] ClientArguments => ["--redis", Redis.Connection, "--nats", Nats.Url, "--cluster-id", ClusterId, "--service-id", ClusterId, "--connect-timeout", "60"];

    public static async Task<FaultCluster> StartAsync(int silos)
    {
        var cluster = new FaultCluster();
        try
        {
            await cluster.Redis.StartAsync();
            await cluster.Nats.StartAsync();
            var started = Enumerable.Range(0, silos).Select(_ => cluster.StartSilo()).ToList();
            foreach (var silo in started)
            {
                await silo.WaitUntilActiveAsync(SiloStartDeadline);
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo process and waits until it is active.</summary>
    public async Task<SiloProcess> StartSiloAsync()
    {
        var silo = StartSilo();
        await silo.WaitUntilActiveAsync(SiloStartDeadline);
        return silo;
    }

    /// <summary>An Orleans client in this process that finds the gateways in Redis, as the SDK does.</summary>
    public async Task<IClusterClient> ObserverAsync()
    {
        if (_observer is null)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Logging.ClearProviders();
            builder.Services.AddStreamClient(configure: o =>
            {
                o.Redis = Redis.Connection;
                o.NatsUrl = Nats.Url;
                o.ClusterId = ClusterId;
                o.ServiceId = ClusterId;
                o.ConnectTimeout = TimeSpan.FromMinutes(1);
            });
            _observer = builder.Build();
            await _observer.StartAsync();
        }

        return _observer.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The silo process holding the grain's activation, found through the management grain.</summary>
    public async Task<SiloProcess> HostOfAsync(GrainReference grain)
    {
        var client = await ObserverAsync();
        var silo = await Eventually.MatchesAsync<SiloAddress?>($"an activation of {grain}",
            async () => await client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain), a => a is not null);
        return _silos.Single(s => s.SiloPort == silo!.Endpoint.Port);
    }

    public async ValueTask DisposeAsync()
    {
        if (_observer is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _observer.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // A client that cannot say goodbye to a dead cluster is dropped.
            }

            _observer.Dispose();
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await Nats.DisposeAsync();
        await Redis.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    private SiloProcess StartSilo()
    {
        var silo = SiloProcess.Start($"silo {_silos.Count + 1}", ClusterId, Redis.Connection, Nats.Url);
        _silos.Add(silo);
        return silo;
    }
}
