using System.Diagnostics.Metrics;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Telemetry;

/// <summary>
/// The system's own figures on the meter <see cref="MeterName"/>: what market grains did with ticks, how far the
/// newest tick lags the wall clock, forecasts served and published, training runs and their durations. Grains call
/// it in one line where the event happens; the HTTP host exports it (Prometheus or OTLP) next to Orleans' meters.
/// No instrument is tagged by symbol: ten thousand symbols would be ten thousand series per figure; a symbol's own
/// counts are in its stats.
/// </summary>
public sealed class StreamMetrics
{
    public const string MeterName = "StreamPredictor";

    private readonly TimeProvider _time;
    private readonly Counter<long> _batches;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _late;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _ingestLag;
    private readonly Counter<long> _batchesRedelivered;
    private readonly Counter<long> _nowcastUpdates;
    private readonly Counter<long> _nowcastsPublished;
    private readonly Counter<long> _forecastsServed;
    private readonly Counter<long> _forecastsPublished;
    private readonly Counter<long> _trainingRuns;
    private readonly Histogram<double> _trainingDuration;

    public StreamMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        _time = time;
        var meter = meterFactory.Create(MeterName);
        _batches = meter.CreateCounter<long>("stream.batches", "{batch}", "Tick batches applied and stored by market grains.");
        _accepted = meter.CreateCounter<long>("stream.ticks.accepted", "{tick}", "Ticks counted into a day (late ones included).");
        _late = meter.CreateCounter<long>("stream.ticks.late", "{tick}", "Accepted ticks that revised a closed day.");
        _duplicates = meter.CreateCounter<long>("stream.ticks.duplicate", "{tick}", "Ticks whose timestamp was counted already, or in a redelivered batch.");
        _rejected = meter.CreateCounter<long>("stream.ticks.rejected", "{tick}", "Ticks refused, tagged with the reason.");
        _ingestLag = meter.CreateHistogram<double>("stream.ingest.lag", "s", "Wall clock minus the event time of the symbol's newest tick, after each batch.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 60, 300, 900, 3_600, 21_600, 86_400, 604_800] });
        _batchesRedelivered = meter.CreateCounter<long>("stream.batches.redelivered", "{batch}", "Batches applied again: a producer's resend, or a stream's redelivery after a failure (nothing in them is counted twice).");
        _nowcastUpdates = meter.CreateCounter<long>("stream.nowcasts.updated", "{nowcast}", "Open-day nowcasts recomputed by forecast grains after a stored batch.");
        _nowcastsPublished = meter.CreateCounter<long>("stream.nowcasts.published", "{nowcast}", "Nowcasts pushed on the nowcasts stream (throttled per symbol).");
        _forecastsServed = meter.CreateCounter<long>("stream.forecasts.served", "{forecast}", "Forecasts read from forecast grains.");
        _forecastsPublished = meter.CreateCounter<long>("stream.forecasts.published", "{forecast}", "New forecasts pushed on the forecasts stream.");
        _trainingRuns = meter.CreateCounter<long>("stream.training.runs", "{run}", "Training runs finished, tagged with model and outcome.");
        _trainingDuration = meter.CreateHistogram<double>("stream.training.duration", "s", "Wall time of finished training runs, tagged with model and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 60, 300, 900, 3_600, 14_400] });
    }

    /// <summary>Records what one batch did: the difference between a market grain's stats before and after it.</summary>
    public void BatchApplied(IngestStats before, IngestStats after)
    {
        _batches.Add(after.Batches - before.Batches);
        AddIfAny(_accepted, after.Accepted - before.Accepted);
        AddIfAny(_late, after.LateAccepted - before.LateAccepted);
        AddIfAny(_duplicates, after.Duplicates - before.Duplicates);
        foreach (var (reason, count) in after.RejectedByReason)
        {
            var added = count - before.RejectedByReason.GetValueOrDefault(reason);
            if (added > 0)
            {
                _rejected.Add(added, new KeyValuePair<string, object?>("reason", reason.ToString()));
            }
        }

        if (after.NewestTick is { } newest)
        {
            _ingestLag.Record((_time.GetUtcNow() - newest).TotalSeconds);
        }
    }

    public void ForecastServed() => _forecastsServed.Add(1);

    public void BatchRedelivered() => _batchesRedelivered.Add(1);

    public void NowcastUpdated() => _nowcastUpdates.Add(1);

    public void NowcastPublished() => _nowcastsPublished.Add(1);

    public void ForecastPublished() => _forecastsPublished.Add(1);

    public void TrainingFinished(string model, TrainingState outcome, TimeSpan duration)
    {
        var modelTag = new KeyValuePair<string, object?>("model", model);
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant());
        _trainingRuns.Add(1, modelTag, outcomeTag);
        _trainingDuration.Record(duration.TotalSeconds, modelTag, outcomeTag);
    }

    private static void AddIfAny(Counter<long> counter, long count)
    {
        if (count > 0)
        {
            counter.Add(count);
        }
    }
}
