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
/// <param name="Symbol">The symbol the ticks belong to.</param>
/// <param name="PackedTicks">The ticks, 48 bytes each.</param>
/// <param name="Producer">The producer that sent it; empty for an unnumbered batch.</param>
/// <param name="Sequence">The producer's batch number, from 1; 0 for an unnumbered batch.</param>
[GenerateSerializer, Immutable, Alias("stream.tick-batch")]
public sealed record TickBatch(
    [property: Id(0)] string Symbol,
    [property: Id(1)] byte[] PackedTicks,
    [property: Id(2)] Guid Producer = default,
    [property: Id(3)] long Sequence = 0)
{
    /// <summary>Packs <paramref name="ticks"/> of <paramref name="symbol"/> as batch <paramref name="sequence"/> of <paramref name="producer"/>.</summary>
    public TickBatch(string symbol, ReadOnlySpan<Tick> ticks, Guid producer = default, long sequence = 0)
        : this(symbol, MemoryMarshal.AsBytes(ticks).ToArray(), producer, sequence)
    {
    }

    /// <summary>The number of ticks.</summary>
    public int Count => PackedTicks.Length / Unsafe.SizeOf<Tick>();

    /// <summary>The ticks, read in place from <see cref="PackedTicks"/>.</summary>
    public ReadOnlySpan<Tick> Ticks => MemoryMarshal.Cast<byte, Tick>(PackedTicks);
}
