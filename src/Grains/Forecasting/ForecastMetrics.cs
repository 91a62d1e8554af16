namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// Errors of a forecast over some days, in the units of the series: MAE, RMSE, MAPE (percent), MASE (the MAE over the
/// naive forecast's MAE on the same days: below 1 beats naive) and <see cref="MaeVsLast"/> (the MAE over the
/// <c>last</c> forecast's on the same days: below 1 beats the best trivial forecast; NaN when not known).
/// </summary>
public sealed record ForecastMetrics(double Mae, double Rmse, double Mape, double Mase, double MaeVsLast = double.NaN)
{
    /// <param name="actual">The true values.</param>
    /// <param name="predicted">The model's forecasts of them.</param>
    /// <param name="naive">Naive's forecasts of the same days (the previous day's mean).</param>
    /// <param name="last">Last's forecasts of the same days (the previous day's last close); empty when unknown.</param>
    public static ForecastMetrics Compute(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted, ReadOnlySpan<double> naive, ReadOnlySpan<double> last)
    {
        if (actual.Length == 0 || actual.Length != predicted.Length || actual.Length != naive.Length || (!last.IsEmpty && last.Length != actual.Length))
        {
            throw new ArgumentException("actual, predicted, naive and last must be equally long and not empty");
        }

        double abs = 0, sq = 0, pct = 0, naiveAbs = 0, lastAbs = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var e = predicted[i] - actual[i];
            abs += Math.Abs(e);
            sq += e * e;
            pct += Math.Abs(e / actual[i]);
            naiveAbs += Math.Abs(naive[i] - actual[i]);
            if (!last.IsEmpty) lastAbs += Math.Abs(last[i] - actual[i]);
        }

        var n = actual.Length;
        var mae = abs / n;
        return new ForecastMetrics(
            mae,
            Math.Sqrt(sq / n),
            100.0 * pct / n,
            naiveAbs > 0 ? mae / (naiveAbs / n) : double.NaN,
            lastAbs > 0 ? mae / (lastAbs / n) : double.NaN);
    }

    /// <summary>The metrics without the comparison with <c>last</c>.</summary>
    public static ForecastMetrics Compute(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted, ReadOnlySpan<double> naive) =>
        Compute(actual, predicted, naive, []);
}
