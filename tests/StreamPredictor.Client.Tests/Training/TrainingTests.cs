namespace StreamPredictor.Client.Tests.Training;

/// <summary>One way to fail: a request that cannot run is refused before it starts; cancelling stops the run on the silo.</summary>
[Collection(SiloCollection.Name)]
public sealed class TrainingTests(SiloFixture fixture)
{
    private static readonly Tick[] Daily = TickFiles.Ticks(SharedData.Daily);

    public static TheoryData<TrainingRequest, string> BadRequests => new()
    {
        { new TrainingRequest("arima"), "unknown model 'arima'; known: naive, last, mlp-seed, rnn-seed, mlp, lstm, gru, ensemble" },
        { new TrainingRequest("lstm", Epochs: 0), "epochs must be between 1 and 10,000, got 0" },
        { new TrainingRequest("lstm", Epochs: 10_001), "epochs must be between 1 and 10,000, got 10,001" },
        { new TrainingRequest("lstm", HeldOutDays: 0), "held-out days must be between 1 and 3,650, got 0" },
        { new TrainingRequest("lstm", LearningRate: -0.1), "learning rate must be above 0 and at most 1, got -0.1" },
        { new TrainingRequest("lstm", ValidationFraction: 1), "validation fraction must be between 0 and 0.9, got 1" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_refused_before_anything_starts(TrainingRequest request, string problem)
    {
        const string symbol = "TRAIN-BAD";

        var e = await Assert.ThrowsAsync<StreamClientException>(() => fixture.Client.TrainAsync(symbol, request));

        Assert.Equal(StreamClientError.InvalidRequest, e.Error);
        Assert.Equal($"training request for {symbol}: {problem}", e.Message);
    }

    [Fact]
    public async Task Too_few_closed_days_is_refused_before_training_starts_not_reported_as_Failed()
    {
        const string symbol = "TRAIN-FEW";
        await fixture.Client.IngestAsync(symbol, Daily.TakeLast(100));

        var e = await Assert.ThrowsAsync<StreamClientException>(() => fixture.Client.TrainAsync(symbol, new TrainingRequest("mlp-seed", Epochs: 1)));

        Assert.Equal(StreamClientError.InvalidRequest, e.Error);
        Assert.Equal("training request for TRAIN-FEW: mlp-seed with 60 held-out days needs at least 122 closed days (60 to read, 2 to train on, 60 held out); the symbol has 99", e.Message);
        Assert.Equal(TrainingState.Idle, (await fixture.Client.GetTrainingStatusAsync(symbol, "mlp-seed")).State);
    }

    [Fact]
    public async Task Training_reports_progress_and_returns_the_registered_version()
    {
        const string symbol = "TRAIN-OK";
        await fixture.Client.IngestAsync(symbol, Daily.TakeLast(200));
        var progress = new InlineProgress<TrainingStatus>(_ => { });

        var status = await fixture.Client.TrainAsync(symbol, new TrainingRequest("mlp-seed", Epochs: 3, Seed: 7, HeldOutDays: 20, ActivateIfBetter: false), progress);

        Assert.Equal(TrainingState.Completed, status.State);
        Assert.Equal(TrainingState.Running, progress.Seen[0].State);
        Assert.Equal(status, progress.Seen[^1]);
        Assert.Equal(3, status.Result!.EpochsRun);
        Assert.Contains(await fixture.Client.GetModelsAsync(symbol), v => v.Version == status.Result.Version && v.Model == "mlp-seed");
    }

    [Fact]
    public async Task Cancelling_TrainAsync_cancels_the_run_on_the_silo()
    {
        const string symbol = "TRAIN-CANCEL";
        await fixture.Client.IngestAsync(symbol, Daily.TakeLast(400));
        using var cancel = new CancellationTokenSource();
        var progress = new InlineProgress<TrainingStatus>(s =>
        {
            if (s.Epoch >= 1)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            fixture.Client.TrainAsync(symbol, new TrainingRequest("lstm", Epochs: 10_000, HeldOutDays: 20, ValidationFraction: 0), progress, cancel.Token));

        var status = await fixture.Client.GetTrainingStatusAsync(symbol, "lstm");
        Assert.Equal(TrainingState.Cancelled, status.State);
        Assert.True(status.Epoch < 10_000);
    }
}
