using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Telemetry;

namespace StreamPredictor.Api.Tests;

/// <summary>StreamMetrics on its own: what a batch did, from a market grain's stats before and after it.</summary>
public sealed class MetricsUnitTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly IMeterFactory _factory;
    private readonly MeterListener _listener = new();
    private readonly List<(string Name, double Value, Dictionary<string, object?> Tags)> _measurements = [];

    public MetricsUnitTests()
    {
        _factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this test's meter: silos of other tests in this process have their own.
            if (instrument.Meter.Name == StreamMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, _factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Keep(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Keep(i, v, tags));
        _listener.Start();
    }

    [Fact]
    public void A_batch_is_recorded_as_the_difference_of_the_stats_and_its_lag_from_the_newest_tick()
    {
        var now = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);
        var metrics = new StreamMetrics(_factory, new FixedTime(now));
        var before = Stats(batches: 4, accepted: 100, duplicates: 7, late: 2, rejected: new() { [TickRejectReason.TooLate] = 3 }, newest: null);
        var after = Stats(batches: 5, accepted: 110, duplicates: 9, late: 3, rejected: new() { [TickRejectReason.TooLate] = 3, [TickRejectReason.HighBelowLow] = 1 }, newest: now.AddMinutes(-90));

        metrics.BatchApplied(before, after);
        metrics.BatchRedelivered();
        metrics.NowcastUpdated();
        metrics.NowcastUpdated();
        metrics.NowcastPublished();
        metrics.TrainingFinished("gru", TrainingState.Failed, TimeSpan.FromSeconds(12));

        Assert.Equal(1, Total("stream.batches"));
        Assert.Equal(10, Total("stream.ticks.accepted"));
        Assert.Equal(1, Total("stream.ticks.late"));
        Assert.Equal(2, Total("stream.ticks.duplicate"));
        Assert.Equal(1, Total("stream.batches.redelivered"));
        Assert.Equal((2.0, 1.0), (Total("stream.nowcasts.updated"), Total("stream.nowcasts.published")));
        var rejected = Assert.Single(_measurements, m => m.Name == "stream.ticks.rejected");
        Assert.Equal((1.0, "HighBelowLow"), (rejected.Value, rejected.Tags["reason"]));
        Assert.Equal(5400, Assert.Single(_measurements, m => m.Name == "stream.ingest.lag").Value);
        var training = Assert.Single(_measurements, m => m.Name == "stream.training.duration");
        Assert.Equal((12.0, "gru", "failed"), (training.Value, training.Tags["model"], training.Tags["outcome"]));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private static IngestStats Stats(long batches, long accepted, long duplicates, long late, Dictionary<TickRejectReason, long> rejected, DateTimeOffset? newest) =>
        new(batches, accepted, duplicates, late, rejected, 0, 0, null, newest);

    private double Total(string name) => _measurements.Where(m => m.Name == name).Sum(m => m.Value);

    private void Keep<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct => _measurements.Add((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
