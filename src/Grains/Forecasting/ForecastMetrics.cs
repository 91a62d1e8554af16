namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// Errors of a forecast over some days, in the units of the series: MAE, RMSE, MAPE (percent) and MASE (the MAE over the
/// naive forecast's MAE on the same days: below 1 beats naive).
/// </summary>
public sealed record ForecastMetrics(double Mae, double Rmse, double Mape, double Mase)
{
    public static ForecastMetrics Compute(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted, ReadOnlySpan<double> naive)
    {
        if (actual.Length == 0 || actual.Length != predicted.Length || actual.Length != naive.Length)
        {
            throw new ArgumentException("actual, predicted and naive must be equally long and not empty");
        }

        double abs = 0, sq = 0, pct = 0, naiveAbs = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var e = predicted[i] - actual[i];
            abs += Math.Abs(e);
            sq += e * e;
            pct += Math.Abs(e / actual[i]);
            naiveAbs += Math.Abs(naive[i] - actual[i]);
        }

        var n = actual.Length;
        var mae = abs / n;
        return new ForecastMetrics(mae, Math.Sqrt(sq / n), 100.0 * pct / n, naiveAbs > 0 ? mae / (naiveAbs / n) : double.NaN);
    }
}
