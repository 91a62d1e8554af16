namespace StreamPredictor.Abstractions.Market;

/// <summary>What a symbol's market grain did with the ticks it was sent.</summary>
[GenerateSerializer, Immutable, Alias("stream.ingest-stats")]
public sealed record IngestStats(
    [property: Id(0)] long Batches,
    [property: Id(1)] long Accepted,
    [property: Id(2)] long Duplicates,
    [property: Id(3)] long LateAccepted,
    [property: Id(4)] IReadOnlyDictionary<string, long> RejectedByReason,
    [property: Id(5)] int ClosedDays,
    [property: Id(6)] long Revisions,
    [property: Id(7)] DateOnly? OpenDay)
{
    public long Rejected => RejectedByReason.Values.Sum();
}
