using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Grains.Hosting;
using StreamPredictor.Grains.Storage;

namespace StreamPredictor.Integration.Tests.Support;

/// <summary>
/// One silo whose grain state is a real SQLite file behind a <see cref="FlakyGrainStorage"/>, and whose memory
/// streams fail publishing on demand: for the failure paths of the market grain. Lateness: 1 day (the default).
/// </summary>
public sealed class FlakySiloFixture : IAsyncLifetime
{
    private static FlakySiloFixture? _current;
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("stream-flaky-").FullName;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public FlakyGrainStorage Storage { get; private set; } = null!;

    public FlakyStreamAdapterFactory Streams { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        _current = this;
        var database = Path.Combine(_dataDirectory, "stream.db");
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddGrainStorage(StorageNames.Default, (services, name) => _current.Storage = new FlakyGrainStorage(
                new SqliteGrainStorage(name, new SqliteStorageOptions { DatabasePath = database }, new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>())),
                new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>())));
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.AddPersistentStreams(StreamNames.Provider, (services, name) => _current.Streams = FlakyStreamAdapterFactory.Create(services, name), _ => { });
            silo.UseInMemoryReminderService();
            silo.AddStreamGrains(new StreamSiloOptions { Accelerator = false });
            silo.Services.Configure<MarketOptions>(o => o.RetryPeriod = TimeSpan.FromMilliseconds(500));
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(StreamNames.Provider));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class FlakySiloCollection : ICollectionFixture<FlakySiloFixture>
{
    public const string Name = "flaky-silo";
}
