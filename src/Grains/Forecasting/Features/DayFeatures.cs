using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Grains.Forecasting.Features;

/// <summary>
/// The one feature builder: what the networks read about each day, computed from the day's <c>DailyBar</c> and the days
/// before it only, so the backtest (bars from a file) and the grains (bars from state) build identical inputs. Every
/// feature is scale-free (log ratios, shares), so a model trained on one price level reads another:
/// <list type="number">
/// <item><c>ln(mean / previous mean)</c>: the day's move of its mean;</item>
/// <item><c>ln(close / previous close)</c>: the day's move, close to close;</item>
/// <item><c>ln(close / mean)</c>: where the day ended against its own mean (what <c>last</c> gains over naive);</item>
/// <item><c>ln(open / previous close)</c>: the gap between days (about 0 for a market that never closes);</item>
/// <item><c>ln(high / low)</c>: the day's range, a measure of its volatility;</item>
/// <item><c>(close − low) / (high − low) − ½</c>: where the close sits in the range (0 when there is none);</item>
/// <item><c>ln(volume / mean volume of the 7 days before)</c>: unusual activity (0 when there is no volume);</item>
/// <item><c>ln(ticks / mean ticks of the 7 days before)</c>: a day with missing data reads below 0;</item>
/// <item><c>ln(days since the previous bar)</c>: 0 for consecutive days, larger across a gap in the data.</item>
/// </list>
/// A row exists from day <see cref="LookBack"/> on.
/// </summary>
public static class DayFeatures
{
    public const int Count = 9;

    /// <summary>Days before a row that it reads (the volume and tick averages).</summary>
    public const int LookBack = ModelNames.FeatureLookBack;

    public static IReadOnlyList<string> Names { get; } =
        ["mean-move", "close-move", "close-vs-mean", "gap", "range", "close-in-range", "volume", "ticks", "days-since"];

    /// <summary>Rows <c>[from, to)</c>, row-major (<see cref="Count"/> values a day); <paramref name="from"/> must be at least <see cref="LookBack"/>.</summary>
    public static double[] Build(DailySeries days, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (from < LookBack || to > days.Count || to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"feature rows [{from}, {to}) of {days.Count} days: a row needs {LookBack} days before it");
        }

        var rows = new double[(to - from) * Count];
        for (var t = from; t < to; t++)
        {
            Row(days, t, rows.AsSpan((t - from) * Count, Count));
        }

        return rows;
    }

    /// <summary>Every row the series has: <c>[LookBack, Count)</c>.</summary>
    public static double[] Build(DailySeries days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return days.Count <= LookBack ? [] : Build(days, LookBack, days.Count);
    }

    /// <summary>The features of day <paramref name="t"/> into <paramref name="row"/>.</summary>
    public static void Row(DailySeries days, int t, Span<double> row)
    {
        ArgumentNullException.ThrowIfNull(days);
        var bars = days.Bars;
        var d = bars[t];
        var p = bars[t - 1];
        double volume = 0, ticks = 0;
        for (var j = t - LookBack; j < t; j++)
        {
            volume += bars[j].Volume;
            ticks += bars[j].Ticks;
        }

        volume /= LookBack;
        ticks /= LookBack;
        row[0] = Math.Log(d.MeanClose / p.MeanClose);
        row[1] = Math.Log(d.Close / p.Close);
        row[2] = Math.Log(d.Close / d.MeanClose);
        row[3] = Math.Log(d.Open / p.Close);
        row[4] = Math.Log(d.High / d.Low);
        row[5] = d.High > d.Low ? ((d.Close - d.Low) / (d.High - d.Low)) - 0.5 : 0;
        row[6] = volume > 0 ? Math.Log(Math.Max(d.Volume, volume * 1e-3) / volume) : 0;
        row[7] = Math.Log(d.Ticks / ticks);
        row[8] = Math.Log(Math.Max(1, d.Date.DayNumber - p.Date.DayNumber));
    }

    /// <summary>What the networks predict for day <paramref name="t"/>: <c>ln(mean[t] / close[t-1])</c>.</summary>
    public static double Target(DailySeries days, int t)
    {
        ArgumentNullException.ThrowIfNull(days);
        return Math.Log(days.Means[t] / days.Closes[t - 1]);
    }
}
