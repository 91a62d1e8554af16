namespace Stream.Grains.Forecasting;

/// <summary>A range that should hold the true value with probability <see cref="Level"/> (e.g. 0.8).</summary>
public sealed record ForecastInterval(double Level, double Lower, double Upper)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
