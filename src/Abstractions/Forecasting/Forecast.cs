namespace Stream.Abstractions.Forecasting;

/// <summary>The forecast mean close of <see cref="ForDate"/>, made from the closed days up to <see cref="BasedOn"/>.</summary>
[GenerateSerializer, Immutable, Alias("stream.forecast")]
public sealed record Forecast(
    [property: Id(0)] string Symbol,
    [property: Id(1)] DateOnly ForDate,
    [property: Id(2)] double Value,
    [property: Id(3)] ForecastInterval[] Intervals,
    [property: Id(4)] string Model,
    [property: Id(5)] int ModelVersion,
    [property: Id(6)] DateOnly BasedOn,
    [property: Id(7)] DateTimeOffset ComputedAt);
