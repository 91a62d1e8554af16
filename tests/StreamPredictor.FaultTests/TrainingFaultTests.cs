using StreamPredictor.Abstractions.Forecasting;
using Xunit.Abstractions;

namespace StreamPredictor.FaultTests;

/// <summary>
/// Training on a silo process that is SIGKILLed mid-run: the run must be reported as failed (or restarted
/// elsewhere and finished), never silently lost, and the symbol's active model must stay the same until a new
/// version registers.
/// </summary>
public sealed class TrainingFaultTests(ITestOutputHelper output)
{
    private const string Symbol = "BTCUSD";

    [Fact]
    public async Task A_training_run_whose_silo_is_killed_is_reported_failed_or_finished_elsewhere_and_the_active_model_is_unchanged()
    {
        await using var cluster = await FaultCluster.StartAsync(silos: 2);
        await using (var ingest = await StreamCli.RunAsync("stream ingest", TimeSpan.FromMinutes(5),
            ["ingest", SharedData.PathOf(SharedData.BitstampHourly), "--symbol", Symbol, .. cluster.ClientArguments]))
        {
            Assert.True(ingest.ExitCode == 0, ingest.Output);
        }

        var client = await cluster.ObserverAsync();
        var registry = client.GetGrain<IModelRegistryGrain>(Symbol);
        var activeBefore = (await registry.GetActiveAsync())?.Version.Version ?? 0;
        var trainer = client.GetGrain<ITrainerGrain>(ITrainerGrain.Key(Symbol, "lstm"));
        await trainer.StartAsync(new TrainingRequest("lstm", Epochs: 5_000, Seed: 7, ValidationFraction: 0));
        var running = await Eventually.MatchesAsync("the first epoch", () => trainer.GetStatusAsync(),
            s => s.State == TrainingState.Running && s.Epoch >= 1, TimeSpan.FromMinutes(3));

        var victim = await cluster.HostOfAsync((GrainReference)trainer);
        await victim.Process.KillAsync();
        output.WriteLine($"killed {victim.Process.Name} at epoch {running.Epoch} of {running.Epochs}");

        // Asked again until the cluster has declared the silo dead and the trainer answers from the silo that is
        // left: the run is known to have failed, or it runs (or ran) there. Idle means the run was forgotten.
        var after = (await Eventually.MatchesAsync<TrainingStatus?>("the run's fate after its silo died",
            async () =>
            {
                try
                {
                    return await trainer.GetStatusAsync();
                }
                catch (SiloUnavailableException)
                {
                    return null;
                }
                catch (OrleansMessageRejectionException)
                {
                    return null;
                }
            },
            s => s is not null && (s.IsFinished || s.State == TrainingState.Idle || (s.State == TrainingState.Running && s.Silo != running.Silo)),
            TimeSpan.FromMinutes(3)))!;
        output.WriteLine($"after the kill: {after.State} {after.Message}");

        Assert.True(after.State != TrainingState.Idle, "the trainer forgot the run its silo was killed in (status Idle, no failure reported)");
        Assert.NotEqual(TrainingState.Cancelled, after.State);
        if (after.State != TrainingState.Completed)
        {
            Assert.Equal(activeBefore, (await registry.GetActiveAsync())?.Version.Version ?? 0);
        }
    }
}
