using StreamPredictor.Client.Advanced;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Client;
using StreamPredictor.Grains.Hosting;
using StreamPredictor.Grains.Storage;
using StreamPredictor.Integration.Tests.Support;

namespace StreamPredictor.Integration.Tests.Models;

/// <summary>
/// Two silos in one process for the model grains: state and reminders in one real SQLite file, state behind
/// <see cref="FlakyGrainStorage"/> (so a test can hold or fail a write), calls failed on demand by <see cref="CallFaultFilter"/>,
/// memory streams, and forecast grains that check the registry every second (a minute by default).
/// </summary>
public sealed class ModelsFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("stream-models-").FullName;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IStreamClient Client { get; private set; } = null!;

    public string Database => Path.Combine(_dataDirectory, "stream.db");

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        var database = Database;
        builder.ConfigureSilo((silo, siloBuilder) =>
        {
            siloBuilder.Services.AddGrainStorage(StorageNames.Default, (services, name) => new FlakyGrainStorage(new SqliteGrainStorage(
                name, new SqliteStorageOptions { DatabasePath = database }, new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()))));
            siloBuilder.AddMemoryGrainStorage(StorageNames.PubSub);
            siloBuilder.AddMemoryStreams(StreamNames.Provider);
            siloBuilder.UseSqliteReminderService(database);
            siloBuilder.Services.Configure<ForecastOptions>(o => o.ModelCheckPeriod = TimeSpan.FromSeconds(1));
            siloBuilder.AddIncomingGrainCallFilter<CallFaultFilter>();
            siloBuilder.AddStreamGrains(new StreamSiloOptions { Accelerator = false });
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(StreamNames.Provider));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Client = StreamClientFactory.Create(Cluster.Client, new StreamClientOptions { BatchSize = 4096, PollInterval = TimeSpan.FromMilliseconds(50) });
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ModelsCollection : ICollectionFixture<ModelsFixture>
{
    public const string Name = "models";
}
