using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Client;

namespace StreamPredictor.Sample;

/// <summary>The SDK end to end: watch forecasts, ingest a file (cancel midway, then resume), train with progress, forecast.</summary>
public static class Walkthrough
{
    public static async Task<SampleRun> RunAsync(IStreamClient client, string symbol, string file, TextWriter log, CancellationToken cancellationToken)
    {
        // 1. Watch the symbol's forecasts as an async stream while the rest runs.
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watched = 0;
        var watching = Task.Run(async () =>
        {
            await foreach (var forecast in client.WatchForecastsAsync(symbol, stopWatching.Token))
            {
                watched++;
            }
        }, CancellationToken.None);

        // 2. Ingest the file, and cancel once three batches were sent, as Ctrl-C would: nothing more is published,
        //    and the exception says which batches the cluster confirmed as stored.
        using var cancelIngest = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var afterThreeBatches = new InlineProgress<IngestProgress>(p =>
        {
            if (p.BatchesSent == 3)
            {
                cancelIngest.Cancel();
            }
        });
        IngestCheckpoint cancelled;
        try
        {
            await client.IngestFileAsync(symbol, file, progress: afterThreeBatches, cancellationToken: cancelIngest.Token);
            throw new InvalidOperationException("the file has fewer than four batches");
        }
        catch (IngestCanceledException e)
        {
            cancelled = e.Checkpoint;
            log.WriteLine($"cancelled: {cancelled}");
        }

        // 3. Resume after the stored part; anything sent twice counts once (as a duplicate).
        var resumed = await client.IngestFileAsync(
            symbol, file, new IngestFileOptions { SkipTicks = cancelled.TicksConfirmedInOrder }, cancellationToken: cancellationToken);
        log.WriteLine($"resumed: {resumed}");
        var days = await client.GetDaysAsync(symbol, includeOpenDay: false, cancellationToken: cancellationToken);

        // 4. Train a model on the closed days, with progress, and see whether it beat the active model.
        var updates = 0;
        var training = await client.TrainAsync(
            symbol,
            new TrainingRequest(TrainingModels.MlpSeed, Epochs: 5, HeldOutDays: 30),
            new InlineProgress<TrainingStatus>(s =>
            {
                updates++;
                if (s.State == TrainingState.Running && s.Epoch > 0)
                {
                    log.WriteLine($"training {s.Model}: epoch {s.Epoch}/{s.Epochs}, loss {s.Loss:G4}");
                }
            }),
            cancellationToken);

        // 5. The next day's forecast; then stop watching.
        var forecast = await client.GetForecastAsync(symbol, cancellationToken);
        await stopWatching.CancelAsync();
        try
        {
            await watching;
        }
        catch (OperationCanceledException)
        {
        }

        return new SampleRun(cancelled, resumed, days.Length, training, updates, watched, forecast);
    }
}
