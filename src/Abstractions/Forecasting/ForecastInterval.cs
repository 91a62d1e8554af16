namespace Stream.Abstractions.Forecasting;

/// <summary>A prediction interval at a coverage level (e.g. 0.8), from the model's own held-out errors.</summary>
[GenerateSerializer, Immutable, Alias("stream.forecast-interval")]
public sealed record ForecastInterval(
    [property: Id(0)] double Level,
    [property: Id(1)] double Lower,
    [property: Id(2)] double Upper);
