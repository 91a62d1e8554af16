using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamPredictor.Client.Advanced;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.Client.Tests.Support;

/// <summary>
/// A real embedded-profile silo (SQLite file, memory streams) on free loopback ports, and a client app connected
/// to it through its gateway the way a user's app is (<c>AddStreamClient</c>). Tests use distinct symbols.
/// </summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("stream-client-tests-").FullName;
    private IHost _silo = null!;

    public string Gateway { get; private set; } = null!;

    public IHost ClientHost { get; private set; } = null!;

    /// <summary>The client as an app gets it: through the gateway, with the default options.</summary>
    public IStreamClient Client => ClientHost.Services.GetRequiredService<IStreamClient>();

    /// <summary>The Orleans client behind <see cref="Client"/>: for what the SDK does not expose (confirmations, trainer grains).</summary>
    public IClusterClient Cluster => ClientHost.Services.GetRequiredService<IClusterClient>();

    public async Task InitializeAsync()
    {
        var options = new StreamSiloOptions { DataDirectory = _data, SiloPort = 0, GatewayPort = 0 };
        _silo = EmbeddedSiloHost.Build(options, LogLevel.Warning);
        await _silo.StartAsync();
        Gateway = $"127.0.0.1:{options.GatewayPort}";
        ClientHost = await ClientHosts.StartAsync(Gateway);
    }

    public async Task DisposeAsync()
    {
        await ClientHost.StopAsync();
        ClientHost.Dispose();
        await _silo.StopAsync();
        _silo.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    /// <summary>Another client over the same connection, with its own options and (for fault injection) publisher.</summary>
    internal IStreamClient ClientWith(ITickBatchPublisher? publisher = null, Action<StreamClientOptions>? configure = null)
    {
        var options = new StreamClientOptions();
        configure?.Invoke(options);
        return StreamClientFactory.Create(Cluster, options, null, null, publisher ?? new StreamTickBatchPublisher(Cluster));
    }

    /// <summary>The real publisher of this fixture's connection.</summary>
    internal ITickBatchPublisher Publisher => new StreamTickBatchPublisher(Cluster);

    public IMarketGrain Market(string symbol) => Cluster.GetGrain<IMarketGrain>(symbol);
}
