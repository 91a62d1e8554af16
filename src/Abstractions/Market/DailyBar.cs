namespace StreamPredictor.Abstractions.Market;

/// <summary>The figures of one UTC day: the mean of its closes (what the models read) and its OHLC and volume.</summary>
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
