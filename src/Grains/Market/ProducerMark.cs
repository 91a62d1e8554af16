using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Market;

/// <summary>
/// What a market grain knows of one producer, stored with the batch that changed it: every batch number up to
/// <see cref="ContiguousThrough"/> is applied, and those in <see cref="AppliedBeyond"/> (ascending, all above it);
/// <see cref="Counts"/> is what its ticks came to; <see cref="LastApplied"/> is when it last sent a batch.
/// Never renumber the ids: state written before confirmations existed holds only ids 0 (then the highest batch
/// applied, which every lower one was taken to be) and 1, and reads back with the others empty.
/// </summary>
[GenerateSerializer, Immutable, Alias("stream.producer-mark")]
public sealed record ProducerMark(
    [property: Id(0)] long ContiguousThrough,
    [property: Id(1)] long AtBatch,
    [property: Id(2)] long[]? AppliedBeyond = null,
    [property: Id(3)] TickCounts? Counts = null,
    [property: Id(4)] DateTimeOffset LastApplied = default);
