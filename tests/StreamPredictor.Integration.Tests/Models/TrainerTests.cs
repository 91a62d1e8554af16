using StreamPredictor.Client.Advanced;
using Microsoft.Extensions.DependencyInjection;
using StreamPredictor.Integration.Tests.Support;

namespace StreamPredictor.Integration.Tests.Models;

/// <summary>Issue 7 item 13: the trainer's requests, status and schedule.</summary>
[Collection(ModelsCollection.Name)]
public sealed class TrainerTests(ModelsFixture fixture)
{
    public static TheoryData<string, TrainingRequest, string> BadRequests => new()
    {
        { "BAD-EPOCHS-0", new TrainingRequest("mlp-seed", Epochs: 0, HeldOutDays: 20), "epochs" },
        { "BAD-EPOCHS-HUGE", new TrainingRequest("mlp-seed", Epochs: 10_000_000, HeldOutDays: 20), "epochs" },
        { "BAD-HELD-OUT", new TrainingRequest("mlp-seed", HeldOutDays: 0), "held-out" },
        { "BAD-RATE", new TrainingRequest("mlp-seed", HeldOutDays: 20, LearningRate: double.NaN), "learning rate" },
        { "BAD-VALIDATION", new TrainingRequest("mlp-seed", HeldOutDays: 20, ValidationFraction: 1), "validation" },
        { "BAD-FEW-DAYS", new TrainingRequest("mlp-seed", HeldOutDays: 60), "closed days" },
        { "BAD-MODEL", new TrainingRequest("transformer", HeldOutDays: 20), "unknown model" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_refused_before_a_run_starts(string symbol, TrainingRequest request, string named)
    {
        await fixture.Client.IngestAsync(symbol, TestModels.DailyTicks(100));
        var trainer = fixture.Grains.GetGrain<ITrainerGrain>(ITrainerGrain.Key(symbol, request.Model));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => trainer.StartAsync(request));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.Equal(TrainingState.Idle, (await trainer.GetStatusAsync()).State);
    }

    [Fact]
    public async Task A_request_for_another_model_than_the_trainers_is_refused()
    {
        var trainer = fixture.Grains.GetGrain<ITrainerGrain>(ITrainerGrain.Key("BAD-KEY", "lstm"));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => trainer.StartAsync(new TrainingRequest("gru")));

        Assert.Contains("gru", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finished_run_is_reported_after_the_trainer_is_reactivated()
    {
        const string symbol = "TRAIN-STATUS";
        await fixture.Client.IngestAsync(symbol, TestModels.DailyTicks(150));
        var finished = await fixture.Client.TrainAsync(symbol, new TrainingRequest("mlp-seed", Epochs: 1, HeldOutDays: 20, ActivateIfBetter: false));
        Assert.Equal(TrainingState.Completed, finished.State);
        var trainer = fixture.Grains.GetGrain<ITrainerGrain>(ITrainerGrain.Key(symbol, "mlp-seed"));

        await fixture.Cluster.DeactivateAsync(trainer);
        var status = await trainer.GetStatusAsync();

        Assert.Equal(TrainingState.Completed, status.State);
        Assert.Equal(finished.Result!.Version, status.Result!.Version);
        Assert.Equal(finished.Message, status.Message);
    }

    [Fact]
    public async Task A_run_that_registered_its_version_but_could_not_store_its_end_is_found_by_its_id()
    {
        const string symbol = "TRAIN-END-UNSTORED";
        var key = ITrainerGrain.Key(symbol, "mlp-seed");
        await fixture.Client.IngestAsync(symbol, TestModels.DailyTicks(150));
        var trainer = fixture.Grains.GetGrain<ITrainerGrain>(ITrainerGrain.Key(symbol, "mlp-seed"));
        await trainer.StartAsync(new TrainingRequest("mlp-seed", Epochs: 30, HeldOutDays: 20, ValidationFraction: 0, ActivateIfBetter: false));
        StorageFaults.FailWrites(key, "run", count: int.MaxValue);
        TrainingStatus ended;
        try
        {
            ended = await Eventually.ReturnsAsync(trainer.GetStatusAsync, s => s.IsFinished, "the run's end", seconds: 120);
        }
        finally
        {
            StorageFaults.Clear(key, "run");
        }

        await fixture.Cluster.DeactivateAsync(trainer);
        var reported = await trainer.GetStatusAsync();

        Assert.Equal(TrainingState.Completed, ended.State);
        Assert.Equal(TrainingState.Completed, reported.State);
        Assert.Equal(ended.Result!.Version, reported.Result!.Version);
        Assert.Contains($"version {ended.Result.Version} was registered", reported.Message, StringComparison.Ordinal);
        Assert.Equal([ended.Result.Version], (await fixture.Client.GetModelsAsync(symbol)).Select(v => v.Version));
    }

    [Fact]
    public async Task A_cancelled_run_ends_cancelled_registers_nothing_and_stays_reported()
    {
        const string symbol = "TRAIN-CANCEL";
        await fixture.Client.IngestAsync(symbol, TestModels.DailyTicks(400));
        var trainer = fixture.Grains.GetGrain<ITrainerGrain>(ITrainerGrain.Key(symbol, "lstm"));
        await trainer.StartAsync(new TrainingRequest("lstm", Epochs: 5_000, HeldOutDays: 30, ValidationFraction: 0));
        await Eventually.ReturnsAsync(trainer.GetStatusAsync, s => s.Epoch >= 1, "the first epoch", seconds: 120);

        var cancelled = await trainer.CancelAsync();
        await fixture.Cluster.DeactivateAsync(trainer);

        Assert.Equal(TrainingState.Cancelled, cancelled.State);
        Assert.Equal(TrainingState.Cancelled, (await trainer.GetStatusAsync()).State);
        Assert.Empty(await fixture.Client.GetModelsAsync(symbol));
    }

    [Fact]
    public async Task Trained_versions_are_activated_when_they_beat_the_active_model_on_the_same_days_and_kept_when_they_lose()
    {
        const string symbol = "TRAIN-ACTIVATE";
        await fixture.Client.IngestAsync(symbol, TestModels.DailyTicks(200));
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>(symbol);
        var untrained = await fixture.Client.TrainAsync(symbol, Untrained(activateIfBetter: false));
        await registry.ActivateAsync(untrained.Result!.Version);

        var naive = await fixture.Client.TrainAsync(symbol, new TrainingRequest("naive", HeldOutDays: 30));
        var loser = await fixture.Client.TrainAsync(symbol, Untrained(activateIfBetter: true));

        Assert.True(naive.Result!.Mae < naive.ActiveMaeOnSameDays, $"naive {naive.Result.Mae} vs an untrained network's {naive.ActiveMaeOnSameDays}");
        Assert.True(naive.Result.Active);
        Assert.Equal(untrained.Result.Mae, naive.ActiveMaeOnSameDays!.Value, 6);
        Assert.True(loser.Result!.Mae > loser.ActiveMaeOnSameDays);
        Assert.Equal(naive.Result.Mae, loser.ActiveMaeOnSameDays!.Value, 6);
        Assert.False(loser.Result.Active);
        Assert.Equal(naive.Result.Version, await registry.GetActiveVersionAsync());
        var forecast = await Eventually.ReturnsAsync(() => fixture.Client.GetForecastAsync(symbol), f => f?.ModelVersion == naive.Result.Version, "the forecast of the activated version");
        Assert.Equal("naive", forecast!.Model);
    }

    /// <summary>An mlp-seed barely moved from its initial weights: far worse than naive on any days.</summary>
    private static TrainingRequest Untrained(bool activateIfBetter) =>
        new("mlp-seed", Epochs: 1, HeldOutDays: 30, LearningRate: 1e-9, ActivateIfBetter: activateIfBetter, ValidationFraction: 0);

    [Fact]
    public async Task A_period_below_the_reminder_minimum_is_refused_and_nothing_is_saved()
    {
        var trainer = fixture.Grains.GetGrain<ITrainerGrain>(ITrainerGrain.Key("SCHEDULE-SHORT", "mlp-seed"));

        var refused = await Assert.ThrowsAnyAsync<ArgumentException>(() => trainer.ScheduleAsync(new TrainingRequest("mlp-seed"), TimeSpan.FromSeconds(30)));

        Assert.Contains("1 minute", refused.Message, StringComparison.Ordinal);
        Assert.Null(await trainer.GetScheduleAsync());
        await fixture.Cluster.DeactivateAsync(trainer);
        Assert.Null(await trainer.GetScheduleAsync());
    }

    [Fact]
    public async Task A_schedule_reads_back_and_clears_with_its_reminder()
    {
        var trainer = fixture.Grains.GetGrain<ITrainerGrain>(ITrainerGrain.Key("SCHEDULE-CLEAR", "mlp-seed"));
        var request = new TrainingRequest("mlp-seed", Epochs: 5, HeldOutDays: 20);
        var reminders = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();

        await trainer.ScheduleAsync(request, TimeSpan.FromHours(6));
        await fixture.Cluster.DeactivateAsync(trainer);
        var scheduled = await trainer.GetScheduleAsync();
        var reminder = await reminders.ReadRow(trainer.GetGrainId(), "train");
        await trainer.ScheduleAsync(request, TimeSpan.Zero);

        Assert.Equal(new TrainingSchedule(request, TimeSpan.FromHours(6)), scheduled);
        Assert.Equal(TimeSpan.FromHours(6), reminder!.Period);
        Assert.Null(await trainer.GetScheduleAsync());
        Assert.Null(await reminders.ReadRow(trainer.GetGrainId(), "train"));
    }
}
