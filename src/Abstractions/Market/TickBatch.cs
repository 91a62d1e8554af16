using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StreamPredictor.Abstractions.Market;

/// <summary>
/// Ticks of one symbol that cross the wire together; batches, not single ticks, are what streams carry.
/// The ticks travel packed, 48 bytes each in the machine's (little-endian) layout, so serializing a batch
/// is one copy rather than six tagged fields per tick.
/// <para>
/// The producer-sequence contract. A producer (a fresh <see cref="Producer"/> id per run is best) numbers its batches
/// 1, 2, 3… and asks <see cref="IMarketGrain.GetConfirmationAsync"/> which have been applied and stored: the grain
/// records every number it applies (out of order too) with the batch's own state write, and the producer's counts.
/// Numbers are only for confirmation: ticks are deduplicated by their timestamps, never by batch number, so
/// resending a batch, sending one numbered 0 (unnumbered: counted, never confirmed) or reusing a producer id after a
/// restart can never lose a tick. A reused id only muddles that producer's confirmation (its old numbers read as
/// applied). A redelivered batch's ticks count as duplicates, including those of days no longer revisable.
/// </para>
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
