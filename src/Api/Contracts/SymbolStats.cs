using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Api.Contracts;

/// <summary>
/// What a symbol's market grain did with the ticks it was sent, and how far its newest tick is behind the wall
/// clock (<see cref="LagSeconds"/>; null before the first tick).
/// </summary>
public sealed record SymbolStats(
    string Symbol,
    long Batches,
    long Accepted,
    long Duplicates,
    long LateAccepted,
    long Rejected,
    IReadOnlyDictionary<string, long> RejectedByReason,
    int ClosedDays,
    long Revisions,
    DateOnly? OpenDay,
    DateTimeOffset? NewestTick,
    double? LagSeconds)
{
    public static SymbolStats From(string symbol, IngestStats stats, DateTimeOffset now) => new(
        symbol,
        stats.Batches,
        stats.Accepted,
        stats.Duplicates,
        stats.LateAccepted,
        stats.Rejected,
        stats.RejectedByReason.ToDictionary(r => r.Key.ToString(), r => r.Value),
        stats.ClosedDays,
        stats.Revisions,
        stats.OpenDay,
        stats.NewestTick,
        stats.NewestTick is { } newest ? (now - newest).TotalSeconds : null);
}
