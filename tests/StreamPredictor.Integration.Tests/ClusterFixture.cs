using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Client;
using StreamPredictor.Client.Advanced;
using StreamPredictor.Grains.Hosting;
using StreamPredictor.Grains.Storage;

namespace StreamPredictor.Integration.Tests;

/// <summary>
/// Three silos in one process, as the grains run in a cluster: memory streams, state in one real SQLite file
/// shared by the silos, and only <see cref="AcceleratorSilo"/> flagged as having an accelerator. The allowed
/// lateness covers whole files, so shuffled and concurrent producers must converge on the same days. The streams'
/// cache is the embedded profile's bounded one, at its default size.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string AcceleratorSilo = "Silo_1";

    /// <summary>
    /// The memory streams' cache, batches per queue: the embedded profile's default. A queue's streams share it, so with
    /// 16 a burst of day events for the hammer's symbols stalled other symbols' batches past the SDK's deadline (a
    /// liveness limit noted in docs/architecture.md, not a loss: the ingest fails naming the batch).
    /// </summary>
    public const int CacheSize = 128;

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("stream-cluster-").FullName;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IStreamClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        var database = Path.Combine(_dataDirectory, "stream.db");
        builder.ConfigureSilo((silo, siloBuilder) =>
        {
            siloBuilder.Configure<SiloMessagingOptions>(o => o.AssumeHomogenousSilosForTesting = false);
            siloBuilder.Services.AddSqliteGrainStorage(StorageNames.Default, database);
            siloBuilder.AddMemoryGrainStorage(StorageNames.PubSub);
            siloBuilder.AddBoundedMemoryStreams(StreamNames.Provider, CacheSize);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            siloBuilder.AddStreamGrains(new StreamSiloOptions { Accelerator = silo.SiloName == AcceleratorSilo });
            siloBuilder.Services.Configure<MarketOptions>(o => o.AllowedLatenessDays = 100_000);
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(StreamNames.Provider));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Client = StreamClientFactory.Create(Cluster.Client, new StreamClientOptions
        {
            BatchSize = 4096,
            PollInterval = TimeSpan.FromMilliseconds(50),
            MinimumSchedulePeriod = TimeSpan.FromSeconds(1),
        });
        await WaitForAcceleratorMetadataAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    public SiloAddress SiloNamed(string name) => Cluster.Silos.Single(s => s.Name == name).SiloAddress;

    /// <summary>A symbol's trainer grain of one model, for what the SDK does not expose (placement).</summary>
    public ITrainerGrain Trainer(string symbol, string model) => Cluster.Client.GetGrain<ITrainerGrain>(ITrainerGrain.Key(symbol, model));

    /// <summary>Silo metadata spreads in the background; placement decisions are only meaningful once every silo has it.</summary>
    private async Task WaitForAcceleratorMetadataAsync()
    {
        var accelerator = SiloNamed(AcceleratorSilo);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Cluster.Silos.Any(s => !Cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<ISiloMetadataCache>()
                   .GetSiloMetadata(accelerator).Metadata.TryGetValue("accelerator", out var value) || value != "true"))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("silo metadata did not reach every silo within 30 s");
            }

            await Task.Delay(100);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
