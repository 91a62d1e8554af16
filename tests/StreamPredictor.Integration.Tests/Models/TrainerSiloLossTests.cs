using StreamPredictor.Client.Advanced;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Client;
using StreamPredictor.Grains.Hosting;
using StreamPredictor.Grains.Storage;

namespace StreamPredictor.Integration.Tests.Models;

/// <summary>
/// Issue 10, "training survives the loss of the silo running it": a cluster of its own (one silo is killed), state in a
/// real SQLite file. The trainer lands on the silo with an accelerator; that silo is killed mid-run.
/// </summary>
public sealed class TrainerSiloLossTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("stream-silo-loss-").FullName;
    private InProcessTestCluster _cluster = null!;
    private IStreamClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        var database = Path.Combine(_dataDirectory, "stream.db");
        builder.ConfigureSilo((silo, siloBuilder) =>
        {
            siloBuilder.Services.AddSqliteGrainStorage(StorageNames.Default, database);
            siloBuilder.AddMemoryGrainStorage(StorageNames.PubSub);
            siloBuilder.AddMemoryStreams(StreamNames.Provider);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.AddStreamGrains(new StreamSiloOptions { Accelerator = silo.SiloName == "Silo_1" });
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(StreamNames.Provider));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        _client = StreamClientFactory.Create(_cluster.Client, new StreamClientOptions { PollInterval = TimeSpan.FromMilliseconds(50) });
        await WaitForAcceleratorMetadataAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task A_run_whose_silo_is_lost_is_reported_failed_and_the_active_model_is_unchanged()
    {
        const string symbol = "LOST-SILO";
        await _client.IngestAsync(symbol, TestModels.DailyTicks(400));
        var registry = _cluster.Client.GetGrain<IModelRegistryGrain>(symbol);
        var active = await registry.RegisterAsync(TestModels.Version("mlp-seed", 100), TestModels.Mlp, 0, null);
        await registry.ActivateAsync(active.Version);
        var trainer = _cluster.Client.GetGrain<ITrainerGrain>(ITrainerGrain.Key(symbol, "lstm"));
        var placement = await trainer.GetPlacementAsync();
        var running = _cluster.Silos.Single(s => s.SiloAddress.ToString() == placement.Silo);

        await trainer.StartAsync(new TrainingRequest("lstm", Epochs: 5_000, HeldOutDays: 30, ValidationFraction: 0));
        await Eventually.ReturnsAsync(trainer.GetStatusAsync, s => s.State == TrainingState.Running && s.Epoch >= 1, "the first epoch", seconds: 120);
        await _cluster.KillSiloAsync(running);
        await _cluster.WaitForLivenessToStabilizeAsync(didKill: true);
        var status = await Eventually.ReturnsAsync(() => SafeStatusAsync(trainer), s => s is { IsFinished: true }, "the lost run's status", seconds: 120);

        Assert.Equal(TrainingState.Failed, status!.State);
        // A killed in-process silo may still run the grain's deactivation ("shut down"); a killed process cannot ("lost").
        Assert.Contains("the silo running it", status.Message, StringComparison.Ordinal);
        Assert.Equal(active.Version, (await registry.GetActiveAsync())!.Version.Version);
        Assert.Equal([active.Version], (await registry.ListAsync()).Select(v => v.Version));
        Assert.NotEqual(placement.Silo, (await trainer.GetPlacementAsync()).Silo);
    }

    /// <summary>While membership catches up, a call to the dead silo's grains may fail; that is not an answer.</summary>
    private static async Task<TrainingStatus?> SafeStatusAsync(ITrainerGrain trainer)
    {
        try
        {
            return await trainer.GetStatusAsync();
        }
        catch (Exception e) when (e is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
        {
            return null;
        }
    }

    private async Task WaitForAcceleratorMetadataAsync()
    {
        var accelerator = _cluster.Silos.Single(s => s.Name == "Silo_1").SiloAddress;
        await Eventually.ReturnsAsync(
            () => Task.FromResult(_cluster.Silos.All(s => _cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<ISiloMetadataCache>()
                .GetSiloMetadata(accelerator).Metadata.TryGetValue("accelerator", out var value) && value == "true")),
            ready => ready, "silo metadata on every silo");
    }
}
