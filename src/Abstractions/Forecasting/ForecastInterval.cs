namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>A range that should hold the true value with probability <see cref="Level"/> (e.g. 0.8), from the model's own held-out errors.</summary>
/// <param name="Level">The probability the range should hold the true value with, e.g. 0.8.</param>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
[GenerateSerializer, Immutable, Alias("stream.forecast-interval")]
public sealed record ForecastInterval(
    [property: Id(0)] double Level,
    [property: Id(1)] double Lower,
    [property: Id(2)] double Upper)
{
    /// <summary>Whether <paramref name="value"/> lies within the bounds (inclusive).</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
