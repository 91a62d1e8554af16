namespace StreamPredictor.Abstractions.Market;

/// <summary>
/// Which of one producer's batches a market grain has applied and stored: every sequence number up to
/// <see cref="ContiguousThrough"/>, and the ones in <see cref="AppliedBeyond"/> above it (batches that landed out of
/// order). <see cref="Counts"/> are what the grain did with this producer's ticks. A batch not listed here is not
/// durable yet: resending it is always safe (ticks are deduplicated by timestamp).
/// </summary>
/// <param name="ContiguousThrough">Every batch number up to this one is applied and stored.</param>
/// <param name="AppliedBeyond">Batch numbers above it that are applied and stored too, ascending.</param>
/// <param name="Counts">What the grain did with this producer's ticks so far.</param>
[GenerateSerializer, Immutable, Alias("stream.batch-confirmation")]
public sealed record BatchConfirmation(
    [property: Id(0)] long ContiguousThrough,
    [property: Id(1)] long[] AppliedBeyond,
    [property: Id(2)] TickCounts Counts)
{
    /// <summary>Whether batch <paramref name="sequence"/> is applied and stored; never for 0, the number of an unnumbered batch.</summary>
    public bool IsApplied(long sequence) =>
        sequence > 0 && (sequence <= ContiguousThrough || Array.BinarySearch(AppliedBeyond, sequence) >= 0);
}
