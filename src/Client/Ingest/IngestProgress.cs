using System.Globalization;
using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Client;

/// <summary>How far an ingest has come: what it sent, what the cluster confirmed as stored, and what became of the ticks.</summary>
/// <param name="Symbol">The symbol ingested.</param>
/// <param name="TicksSent">Ticks published so far (each counted once, however often its batch was resent).</param>
/// <param name="BatchesSent">Batches published so far.</param>
/// <param name="TicksConfirmed">Ticks in batches the market grain confirmed as stored.</param>
/// <param name="BatchesConfirmed">Batches the market grain confirmed as stored.</param>
/// <param name="Resends">Batches published again because they were not confirmed in time.</param>
/// <param name="Elapsed">Time since the ingest started.</param>
/// <param name="Counts">What the market grain did with the confirmed ticks of this ingest.</param>
public sealed record IngestProgress(
    string Symbol,
    long TicksSent,
    long BatchesSent,
    long TicksConfirmed,
    long BatchesConfirmed,
    long Resends,
    TimeSpan Elapsed,
    TickCounts Counts)
{
    /// <summary>Ticks sent per second of <see cref="Elapsed"/>.</summary>
    public double TicksPerSecond => TicksSent / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>One line: ticks and batches sent and confirmed, and the rate.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Symbol}: {TicksSent:N0} ticks in {BatchesSent:N0} batches sent, {TicksConfirmed:N0} ticks in {BatchesConfirmed:N0} batches confirmed, {TicksPerSecond:N0} ticks/s");
}
