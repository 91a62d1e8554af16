using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamPredictor.Client;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.Sources.Tests.Support;

/// <summary>One real embedded-profile silo (SQLite state, memory streams) shared by the tests of a collection; each test uses its own symbol.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("stream-sources-").FullName;
    private IHost _host = null!;

    public IClusterClient Cluster { get; private set; } = null!;

    public StreamClient Client { get; private set; } = null!;

    public int GatewayPort { get; private set; }

    public string Gateway => $"127.0.0.1:{GatewayPort}";

    public static string NewSymbol(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    public async Task InitializeAsync()
    {
        var options = new StreamSiloOptions { DataDirectory = _data, SiloPort = 0, GatewayPort = 0 };
        _host = EmbeddedSiloHost.Build(options, LogLevel.Error);
        await _host.StartAsync();
        GatewayPort = options.GatewayPort;
        Cluster = _host.Services.GetRequiredService<IClusterClient>();
        Client = new StreamClient(Cluster, Options.Create(new StreamClientOptions { PollInterval = TimeSpan.FromMilliseconds(50) }));
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Directory.Delete(_data, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}
