namespace StreamPredictor.Abstractions.Market;

/// <summary>What a symbol's market grain did with the ticks it was sent; <see cref="NewestTick"/> is the event time of the latest tick counted.</summary>
/// <remarks>Id 4 held the rejected counts keyed by reason name; they are keyed by <see cref="TickRejectReason"/> under Id 9. Never reuse Id 4.</remarks>
/// <param name="Batches">Batches applied, redeliveries included.</param>
/// <param name="Accepted">Ticks counted into their days (late ones among them).</param>
/// <param name="Duplicates">Ticks whose timestamp the symbol already had.</param>
/// <param name="LateAccepted">Accepted ticks that revised an already closed day.</param>
/// <param name="RejectedByReason">Ticks refused, by reason.</param>
/// <param name="ClosedDays">Days closed so far.</param>
/// <param name="Revisions">Times a closed day was revised.</param>
/// <param name="OpenDay">The open (newest) day; null before the first tick.</param>
/// <param name="NewestTick">The event time of the latest tick counted.</param>
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
    /// <summary>Ticks refused, whatever the reason.</summary>
    public long Rejected => RejectedByReason.Values.Sum();
}
