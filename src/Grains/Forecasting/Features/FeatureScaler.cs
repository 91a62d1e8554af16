namespace StreamPredictor.Grains.Forecasting.Features;

/// <summary>
/// Standardises day features with the means and spreads of the training rows (clipped to ±<see cref="Clip"/> spreads,
/// so one wild day cannot saturate a network), and the target by its root mean square on the training days, not
/// centred: a network output of 0 is tomorrow's mean equal to today's close, the <c>last</c> forecast.
/// </summary>
public sealed record FeatureScaler(double[] Means, double[] Spreads, double TargetScale)
{
    public const double Clip = 8;

    /// <summary>Fits on <paramref name="rows"/> (row-major, <see cref="DayFeatures.Count"/> a row) and the training targets.</summary>
    public static FeatureScaler Fit(ReadOnlySpan<double> rows, ReadOnlySpan<double> targets)
    {
        const int f = DayFeatures.Count;
        var n = rows.Length / f;
        if (n == 0 || targets.IsEmpty) throw new ArgumentException("cannot fit a feature scaler on no days", nameof(rows));
        var means = new double[f];
        var spreads = new double[f];
        for (var j = 0; j < f; j++)
        {
            double sum = 0;
            for (var i = 0; i < n; i++) sum += rows[(i * f) + j];
            var mean = sum / n;
            double sq = 0;
            for (var i = 0; i < n; i++) sq += Math.Pow(rows[(i * f) + j] - mean, 2);
            var spread = Math.Sqrt(sq / n);
            means[j] = mean;
            spreads[j] = spread > 1e-12 && double.IsFinite(spread) ? spread : 1.0;
        }

        double targetSq = 0;
        foreach (var y in targets) targetSq += y * y;
        var targetScale = Math.Sqrt(targetSq / targets.Length);
        return new FeatureScaler(means, spreads, targetScale > 1e-12 && double.IsFinite(targetScale) ? targetScale : 1.0);
    }

    /// <summary>The standardised value of feature <paramref name="feature"/>.</summary>
    public float Transform(int feature, double value)
    {
        var z = (value - Means[feature]) / Spreads[feature];
        return (float)(double.IsFinite(z) ? Math.Clamp(z, -Clip, Clip) : 0);
    }
}
