namespace StreamPredictor.Grains.Market;

/// <summary>A <see cref="DayAccumulator"/> at rest, for grain state. Never renumber the ids.</summary>
[GenerateSerializer, Immutable, Alias("stream.day-accumulator-state")]
public sealed record DayAccumulatorState(
    [property: Id(0)] long DayNumber,
    [property: Id(1)] ulong[] SeenBits,
    [property: Id(2)] bool SeenBySecond,
    [property: Id(3)] int Count,
    [property: Id(4)] long CloseSumHigh,
    [property: Id(5)] ulong CloseSumLow,
    [property: Id(6)] long FirstTimestamp,
    [property: Id(7)] long LastTimestamp,
    [property: Id(8)] double Open,
    [property: Id(9)] double Close,
    [property: Id(10)] double High,
    [property: Id(11)] double Low,
    [property: Id(12)] long VolumeHigh,
    [property: Id(13)] ulong VolumeLow);
