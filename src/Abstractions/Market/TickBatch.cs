namespace Stream.Abstractions.Market;

/// <summary>Ticks of one symbol that cross the wire together; batches, not single ticks, are what streams carry.</summary>
[GenerateSerializer, Immutable, Alias("stream.tick-batch")]
public sealed record TickBatch(
    [property: Id(0)] string Symbol,
    [property: Id(1)] Tick[] Ticks);
