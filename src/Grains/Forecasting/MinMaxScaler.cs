namespace StreamPredictor.Grains.Forecasting;

/// <summary>scikit-learn's <c>MinMaxScaler(feature_range=(0, 1))</c> on one feature: fit on training values only.</summary>
public sealed record MinMaxScaler(double Min, double Max)
{
    public static MinMaxScaler Fit(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) throw new ArgumentException("cannot fit a scaler on no values", nameof(values));
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) throw new ArgumentException("cannot fit a scaler on a non-finite value", nameof(values));
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return new MinMaxScaler(min, max);
    }

    /// <summary>The fitted range; 1 for a constant series, as scikit-learn does, so nothing divides by zero.</summary>
    public double Range => Max > Min ? Max - Min : 1.0;

    public double Transform(double value) => (value - Min) / Range;

    public double Inverse(double scaled) => scaled * Range + Min;
}
