namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>A range that should hold the true value with probability <see cref="Level"/> (e.g. 0.8), from the model's own held-out errors.</summary>
[GenerateSerializer, Immutable, Alias("stream.forecast-interval")]
public sealed record ForecastInterval(
    [property: Id(0)] double Level,
    [property: Id(1)] double Lower,
    [property: Id(2)] double Upper)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
