namespace StreamPredictor.Grains.Forecasting.Series;

/// <summary>
/// How much prices moved in the days before a forecast: the mean, over the last days, of the larger of a day's range
/// <c>ln(high/low)</c> and its close-to-close move <c>|ln(close/previous close)|</c> (the latter is all a series of daily
/// means has). A move across a gap in the data (days apart) is not a day's move and is left out. Conformal scores
/// divided by it adapt the intervals to calm and wild weeks.
/// </summary>
public static class DailyVolatility
{
    /// <summary>The days averaged unless a calibration says otherwise; measured on the shared files (docs/forecasting.md).</summary>
    public const int DefaultDays = 7;

    /// <summary>The volatility known before day <paramref name="day"/>: days <c>[day - days, day)</c>, as many as exist; never below a tiny positive floor.</summary>
    public static double Before(DailySeries series, int day, int days)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, series.Count);
        var bars = series.Bars;
        double sum = 0;
        var n = 0;
        for (var j = Math.Max(1, day - days); j < day; j++)
        {
            var range = Math.Log(bars[j].High / bars[j].Low);
            var move = bars[j].Date.DayNumber - bars[j - 1].Date.DayNumber == 1 ? Math.Abs(Math.Log(bars[j].Close / bars[j - 1].Close)) : 0;
            var v = Math.Max(range, move);
            if (!double.IsFinite(v)) continue;
            sum += v;
            n++;
        }

        return n == 0 ? 1.0 : Math.Max(sum / n, 1e-9);
    }
}
