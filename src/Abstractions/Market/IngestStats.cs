namespace StreamPredictor.Abstractions.Market;

/// <summary>What a symbol's market grain did with the ticks it was sent; <see cref="NewestTick"/> is the event time of the latest tick counted.</summary>
/// <remarks>Id 4 held the rejected counts keyed by reason name; they are keyed by <see cref="TickRejectReason"/> under Id 9. Never reuse Id 4.</remarks>
[GenerateSerializer, Immutable, Alias("stream.ingest-stats")]
public sealed record IngestStats(
    [property: Id(0)] long Batches,
    [property: Id(1)] long Accepted,
    [property: Id(2)] long Duplicates,
    [property: Id(3)] long LateAccepted,
    [property: Id(9)] IReadOnlyDictionary<TickRejectReason, long> RejectedByReason,
    [property: Id(5)] int ClosedDays,
    [property: Id(6)] long Revisions,
    [property: Id(7)] DateOnly? OpenDay,
    [property: Id(8)] DateTimeOffset? NewestTick = null)
{
    public long Rejected => RejectedByReason.Values.Sum();
}
