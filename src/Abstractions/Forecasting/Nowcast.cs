namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>
/// The forecast of the open (current) day's mean close, made from the ticks seen so far: it sharpens as the day fills and
/// equals the day's mean once the day is complete. Published on the "nowcasts" stream as batches arrive (throttled).
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Date">The open day it is for.</param>
/// <param name="Value">The nowcast of the day's mean close.</param>
/// <param name="Intervals">Prediction intervals (80 %, 95 %), narrowing as the day fills.</param>
/// <param name="ElapsedShare">The share of the UTC day elapsed at <see cref="AsOf"/>, 0 to 1.</param>
/// <param name="AsOf">The event time of the latest tick included.</param>
/// <param name="Ticks">Ticks of the day so far.</param>
/// <param name="MeanSoFar">The mean close of the day's ticks so far.</param>
/// <param name="LastPrice">The latest close.</param>
/// <param name="Model">The nowcast model's name.</param>
/// <param name="ComputedAt">When it was computed (wall clock).</param>
/// <param name="NextDay">
/// The forecast of the day after the open day, made from the closed days and the open day so far: it moves with the open
/// day's data (its <see cref="Forecast.BasedOn"/> is the open day). Null in the day's first nowcast and once the day closed.
/// </param>
[GenerateSerializer, Immutable, Alias("stream.nowcast")]
public sealed record Nowcast(
    [property: Id(0)] string Symbol,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] double Value,
    [property: Id(3)] ForecastInterval[] Intervals,
    [property: Id(4)] double ElapsedShare,
    [property: Id(5)] DateTimeOffset AsOf,
    [property: Id(6)] int Ticks,
    [property: Id(7)] double MeanSoFar,
    [property: Id(8)] double LastPrice,
    [property: Id(9)] string Model,
    [property: Id(10)] DateTimeOffset ComputedAt,
    [property: Id(11)] Forecast? NextDay = null);
