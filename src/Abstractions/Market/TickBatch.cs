using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StreamPredictor.Abstractions.Market;

/// <summary>
/// Ticks of one symbol that cross the wire together; batches, not single ticks, are what streams carry.
/// The ticks travel packed, 48 bytes each in the machine's (little-endian) layout, so serializing a batch
/// is one copy rather than six tagged fields per tick.
/// A producer numbers its batches 1, 2, 3…: the market grain remembers the last number it applied per
/// producer, so a producer can tell when its batches have landed and a redelivered batch is skipped whole.
/// </summary>
[GenerateSerializer, Immutable, Alias("stream.tick-batch")]
public sealed record TickBatch(
    [property: Id(0)] string Symbol,
    [property: Id(1)] byte[] PackedTicks,
    [property: Id(2)] Guid Producer = default,
    [property: Id(3)] long Sequence = 0)
{
    public TickBatch(string symbol, ReadOnlySpan<Tick> ticks, Guid producer = default, long sequence = 0)
        : this(symbol, MemoryMarshal.AsBytes(ticks).ToArray(), producer, sequence)
    {
    }

    public int Count => PackedTicks.Length / Unsafe.SizeOf<Tick>();

    public ReadOnlySpan<Tick> Ticks => MemoryMarshal.Cast<byte, Tick>(PackedTicks);
}
