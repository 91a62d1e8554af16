namespace Stream.Abstractions.Market;

/// <summary>
/// Ticks of one symbol that cross the wire together; batches, not single ticks, are what streams carry.
/// A producer numbers its batches 1, 2, 3…: the market grain remembers the last number it applied per
/// producer, so a producer can tell when its batches have landed and a redelivered batch is skipped whole.
/// </summary>
[GenerateSerializer, Immutable, Alias("stream.tick-batch")]
public sealed record TickBatch(
    [property: Id(0)] string Symbol,
    [property: Id(1)] Tick[] Ticks,
    [property: Id(2)] Guid Producer = default,
    [property: Id(3)] long Sequence = 0);
