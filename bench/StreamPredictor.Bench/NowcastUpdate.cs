using BenchmarkDotNet.Attributes;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Nowcasting;
using StreamPredictor.Grains.Forecasting.Series;
using StreamPredictor.Grains;
using StreamPredictor.Grains.Market;

namespace StreamPredictor.Bench;

/// <summary>
/// What the forecast grain pays per batch to keep a nowcast: the open day's bar from its accumulator (as the market grain
/// builds it), the nowcast update (arithmetic only), and, when it publishes, the intervals. The nowcaster is made from
/// the active model at the previous close (once a day), here <c>last</c> on the Bitstamp file's days before its last 60,
/// with the open day half full (12 of its 24 hourly ticks).
/// </summary>
[InProcess]
[MemoryDiagnoser]
public class NowcastUpdate
{
    private Nowcaster _nowcaster = null!;
    private DayAccumulator _openDay = null!;
    private DailyBar _bar = null!;
    private DayNowcast _latest;
    private double _share;
    private OpenDayNowcasts _throttled = null!;
    private OpenDayNowcasts _publishing = null!;
    private DateTimeOffset _asOf;

    [GlobalSetup]
    public void Setup()
    {
        var days = DailySeries.From(DailyImport.Run(BenchData.SharedFile("bitstamp_btcusd_1h_2018-2022.kaggle.csv")).Days);
        var closed = days.Take(days.Count - 60);
        using var last = ForecastTrainer.Train(ModelSpec.Default(ModelNames.Last), closed, new TrainingOptions());
        _nowcaster = Nowcaster.Create(last, closed);
        var date = days.Bars[closed.Count].Date;
        _openDay = new DayAccumulator(Tick.DayNumberOf(date));
        var start = Tick.DayNumberOf(date) * Tick.SecondsPerDay;
        for (var h = 0; h < 12; h++)
        {
            var price = days.Closes[closed.Count - 1] * (1 + (0.001 * h));
            _openDay.TryAdd(new Tick(start + (h * 3600), price, price, price, price, 1));
        }

        _bar = _openDay.ToDailyBar();
        _latest = _nowcaster.Update(_bar, 0.5);

        // The forecast grain's open-day state: one that is never due (an update held by the interval, as most are) and
        // one that is always due (an update that is also published: the Nowcast contract and its next-day forecast built).
        var lastClosed = days.Bars[closed.Count - 1];
        _throttled = new OpenDayNowcasts("BENCH", TimeProvider.System, TimeSpan.FromDays(3650));
        _publishing = new OpenDayNowcasts("BENCH", TimeProvider.System, TimeSpan.Zero);
        _throttled.Rebase(_nowcaster, lastClosed, "last", 1);
        _publishing.Rebase(_nowcaster, lastClosed, "last", 1);
        _throttled.TakePending();
        _asOf = DateTimeOffset.FromUnixTimeSeconds(start + (11 * 3600));
    }

    /// <summary>The forecast grain's per-batch work when the interval holds the nowcast back: the update, stored.</summary>
    [Benchmark]
    public bool GrainUpdate()
    {
        _asOf = _asOf.AddSeconds(1);
        return _throttled.Update(_bar, _asOf);
    }

    /// <summary>The forecast grain's per-batch work when it publishes: the update and the Nowcast (intervals, next day) built.</summary>
    [Benchmark]
    public Nowcast GrainUpdateAndPublish()
    {
        _asOf = _asOf.AddSeconds(1);
        _publishing.Update(_bar, _asOf);
        return _publishing.TakePending();
    }

    /// <summary>The nowcast (and next-day forecast) from an open-day bar: the per-batch work.</summary>
    [Benchmark(Baseline = true)]
    public double Update()
    {
        _share = _share >= 1 ? 0 : _share + 1e-4;
        return _nowcaster.Update(_bar, _share).Value;
    }

    /// <summary>The open day's bar built from the accumulator, then the update: the whole per-batch cost.</summary>
    [Benchmark]
    public double BarAndUpdate() => _nowcaster.Update(_openDay.ToDailyBar(), 0.5).Value;

    /// <summary>The intervals of a nowcast, made only when it is published.</summary>
    [Benchmark]
    public IReadOnlyList<ForecastInterval> Intervals() => _nowcaster.Intervals(_latest);
}
