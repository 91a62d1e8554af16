namespace StreamPredictor.Abstractions.Market;

/// <summary>The figures of one UTC day: the mean of its closes (what the models read) and its OHLC and volume.</summary>
/// <param name="Date">The UTC day.</param>
/// <param name="MeanClose">The mean of the day's closes.</param>
/// <param name="Ticks">How many ticks the day counted.</param>
/// <param name="Open">The first tick's open.</param>
/// <param name="High">The highest high.</param>
/// <param name="Low">The lowest low.</param>
/// <param name="Close">The last tick's close.</param>
/// <param name="Volume">The day's volume.</param>
[GenerateSerializer, Immutable, Alias("stream.daily-bar")]
public sealed record DailyBar(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] double MeanClose,
    [property: Id(2)] int Ticks,
    [property: Id(3)] double Open,
    [property: Id(4)] double High,
    [property: Id(5)] double Low,
    [property: Id(6)] double Close,
    [property: Id(7)] double Volume);
