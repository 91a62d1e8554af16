using StreamPredictor.Client.Advanced;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamPredictor.Client;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.Integration.Tests.Support;

/// <summary>The embedded profile as the CLI runs it (one silo, memory streams, a SQLite file), with a client in its host.</summary>
public sealed class EmbeddedSiloFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("stream-embedded-").FullName;
    private IHost _host = null!;

    public IStreamClient Client { get; private set; } = null!;

    public IServiceProvider Services => _host.Services;

    public async Task InitializeAsync()
    {
        _host = EmbeddedSiloHost.Build(new StreamSiloOptions { DataDirectory = _dataDirectory, SiloPort = 0, GatewayPort = 0, Accelerator = false }, LogLevel.Error);
        await _host.StartAsync();
        Client = StreamClientFactory.Create(_host.Services.GetRequiredService<IClusterClient>(), new StreamClientOptions { PollInterval = TimeSpan.FromMilliseconds(50) });
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class EmbeddedSiloCollection : ICollectionFixture<EmbeddedSiloFixture>
{
    public const string Name = "embedded-silo";
}
