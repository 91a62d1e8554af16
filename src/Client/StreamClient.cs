using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Abstractions.Streams;

namespace StreamPredictor.Client;

/// <summary>
/// The typed way into a Stream cluster: publish ticks, read daily figures, train and choose models, get and
/// follow forecasts. Ticks go out in batches on the symbol's "ticks" stream; each publish is awaited, so a
/// slow cluster slows the producer instead of piling up in memory.
/// </summary>
public sealed class StreamClient(IClusterClient cluster, IOptions<StreamClientOptions> options)
{
    private readonly StreamClientOptions _options = options.Value;

    public IClusterClient Cluster => cluster;

    /// <summary>Publishes ticks of one symbol in batches and waits until its market grain has applied them all.</summary>
    public Task<IngestResult> IngestAsync(string symbol, IEnumerable<Tick> ticks, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        IngestAsync(symbol, ticks.Chunk(_options.BatchSize).ToAsyncEnumerable(), progress, cancellationToken);

    /// <summary>Publishes ticks of one symbol in batches and waits until its market grain has applied them all.</summary>
    public Task<IngestResult> IngestAsync(string symbol, IAsyncEnumerable<Tick> ticks, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        IngestAsync(symbol, ticks.Chunk(_options.BatchSize), progress, cancellationToken);

    /// <summary>Publishes ready-made batches (the file reader's chunks) and waits until the market grain has applied them.</summary>
    public async Task<IngestResult> IngestAsync(string symbol, IAsyncEnumerable<Tick[]> batches, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var market = cluster.GetGrain<IMarketGrain>(symbol);
        var producer = Guid.NewGuid();
        var stream = TickStream(symbol);
        var started = Stopwatch.GetTimestamp();
        long ticksSent = 0, batchesSent = 0;
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            if (batch.Length == 0)
            {
                continue;
            }

            batchesSent++;
            await stream.OnNextAsync(new TickBatch(symbol, batch, producer, batchesSent));
            ticksSent += batch.Length;
            progress?.Report(new IngestProgress(ticksSent, batchesSent, Stopwatch.GetElapsedTime(started)));
        }

        var stats = await WaitUntilAppliedAsync(market, producer, batchesSent, cancellationToken);
        return new IngestResult(ticksSent, batchesSent, Stopwatch.GetElapsedTime(started), stats);
    }

    /// <summary>Daily figures of a symbol, oldest first; the open (current) day last unless told otherwise.</summary>
    public Task<DailyBar[]> GetDaysAsync(string symbol, DateOnly? from = null, DateOnly? to = null, bool includeOpenDay = true) =>
        cluster.GetGrain<IMarketGrain>(symbol).GetDaysAsync(from, to, includeOpenDay);

    /// <summary>Ticks accepted, duplicates, late and rejected (by reason) for a symbol.</summary>
    public Task<IngestStats> GetStatsAsync(string symbol) => cluster.GetGrain<IMarketGrain>(symbol).GetStatsAsync();

    /// <summary>Starts training (or joins the run in progress) and returns at once.</summary>
    public Task<TrainingStatus> StartTrainingAsync(string symbol, TrainingRequest request) =>
        Trainer(symbol, request.Model).StartAsync(request);

    /// <summary>The status of a model's training run, polled until it finishes; yields each change.</summary>
    public async IAsyncEnumerable<TrainingStatus> WatchTrainingAsync(string symbol, string model, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var trainer = Trainer(symbol, model);
        TrainingStatus? last = null;
        while (true)
        {
            var status = await trainer.GetStatusAsync();
            if (status != last)
            {
                yield return status;
                last = status;
            }

            if (status.State != TrainingState.Running)
            {
                yield break;
            }

            await Task.Delay(_options.PollInterval, cancellationToken);
        }
    }

    /// <summary>Trains and waits for the result, reporting progress on the way.</summary>
    public async Task<TrainingStatus> TrainAsync(string symbol, TrainingRequest request, IProgress<TrainingStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        var status = await StartTrainingAsync(symbol, request);
        await foreach (var update in WatchTrainingAsync(symbol, request.Model, cancellationToken))
        {
            progress?.Report(update);
            status = update;
        }

        return status;
    }

    /// <summary>Trains on a schedule (an Orleans reminder); a zero period stops it.</summary>
    public Task ScheduleTrainingAsync(string symbol, TrainingRequest request, TimeSpan period) =>
        Trainer(symbol, request.Model).ScheduleAsync(request, period);

    public Task<ModelVersion[]> GetModelsAsync(string symbol) => cluster.GetGrain<IModelRegistryGrain>(symbol).ListAsync();

    /// <summary>Makes a model version active for a symbol's forecasts (0: the naive model).</summary>
    public Task<ModelVersion?> ActivateModelAsync(string symbol, int version) => cluster.GetGrain<IModelRegistryGrain>(symbol).ActivateAsync(version);

    /// <summary>The latest next-day forecast, or null until a day of the symbol has closed.</summary>
    public Task<Forecast?> GetForecastAsync(string symbol) => cluster.GetGrain<IForecastGrain>(symbol).GetLatestAsync();

    /// <summary>Calls <paramref name="onForecast"/> with each new forecast of the symbol until the returned handle is disposed.</summary>
    public async Task<IAsyncDisposable> SubscribeForecastsAsync(string symbol, Func<Forecast, Task> onForecast)
    {
        var stream = StreamNames.Get<Forecast>(cluster.GetStreamProvider(StreamNames.Provider), StreamNames.Forecasts, symbol);
        var handle = await stream.SubscribeAsync((forecast, _) => onForecast(forecast));
        return new Subscription(handle);
    }

    public ITrainerGrain Trainer(string symbol, string model) => cluster.GetGrain<ITrainerGrain>(ITrainerGrain.Key(symbol, model));

    private IAsyncStream<TickBatch> TickStream(string symbol) =>
        StreamNames.Get<TickBatch>(cluster.GetStreamProvider(StreamNames.Provider), StreamNames.Ticks, symbol);

    /// <summary>Waits until the market grain has applied (and stored) this producer's last batch.</summary>
    private static async Task<IngestStats> WaitUntilAppliedAsync(IMarketGrain market, Guid producer, long lastSequence, CancellationToken cancellationToken)
    {
        while (lastSequence > 0 && await market.GetAppliedSequenceAsync(producer) < lastSequence)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
        }

        return await market.GetStatsAsync();
    }

    private sealed class Subscription(StreamSubscriptionHandle<Forecast> handle) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await handle.UnsubscribeAsync();
    }
}
