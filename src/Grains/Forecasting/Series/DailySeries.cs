using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Forecasting.Series;

/// <summary>
/// Daily bars, oldest first, with the columns the models read most (mean close, close) as arrays. Every model forecasts
/// day <c>t</c> from days <c>[0, t)</c> of one of these, so the offline backtest and the grains hand them the same input.
/// </summary>
public sealed class DailySeries
{
    private DailySeries(DailyBar[] bars)
    {
        Bars = bars;
        Means = new double[bars.Length];
        Closes = new double[bars.Length];
        for (var i = 0; i < bars.Length; i++)
        {
            Means[i] = bars[i].MeanClose;
            Closes[i] = bars[i].Close;
        }
    }

    public IReadOnlyList<DailyBar> Bars { get; }

    /// <summary>Each day's mean close: what every model forecasts.</summary>
    public double[] Means { get; }

    /// <summary>Each day's last close.</summary>
    public double[] Closes { get; }

    public int Count => Means.Length;

    public static DailySeries From(IReadOnlyList<DailyBar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        return new DailySeries([.. bars]);
    }

    /// <summary>
    /// A series known only by its daily means (as a daily file gives them: one tick a day), consecutive days from
    /// <paramref name="first"/>: every figure of a day is its mean, its volume is 0.
    /// </summary>
    public static DailySeries FromMeans(ReadOnlySpan<double> means, DateOnly? first = null)
    {
        var start = first ?? new DateOnly(2000, 1, 1);
        var bars = new DailyBar[means.Length];
        for (var i = 0; i < means.Length; i++)
        {
            var m = means[i];
            bars[i] = new DailyBar(start.AddDays(i), m, 1, m, m, m, m, 0);
        }

        return new DailySeries(bars);
    }

    /// <summary>The first <paramref name="count"/> days: what a model trained before day <paramref name="count"/> may see.</summary>
    public DailySeries Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        return count == Count ? this : new DailySeries(Bars.Take(count).ToArray());
    }
}
