using System.Globalization;
using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Client;

/// <summary>
/// What one ingest sent and what the symbol's market grain did with it (<see cref="Counts"/>: this call's ticks only),
/// besides the symbol's running totals over every producer (<see cref="Stats"/>). Every batch was confirmed as stored.
/// </summary>
/// <param name="Symbol">The symbol ingested.</param>
/// <param name="TicksSent">Ticks this call published.</param>
/// <param name="BatchesSent">Batches this call published (all confirmed).</param>
/// <param name="Resends">Batches published again because they were not confirmed in time.</param>
/// <param name="Elapsed">From the start of the call until the last batch was confirmed.</param>
/// <param name="Counts">This call's ticks: accepted (late ones among them), duplicates, rejected by reason.</param>
/// <param name="Stats">The symbol's totals after this call, over every producer.</param>
/// <param name="RowsSkipped">For a file: rows not sent (no close, or bad rows skipped on request); 0 otherwise.</param>
public sealed record IngestResult(
    string Symbol,
    long TicksSent,
    long BatchesSent,
    long Resends,
    TimeSpan Elapsed,
    TickCounts Counts,
    IngestStats Stats,
    long RowsSkipped = 0)
{
    /// <summary>Ticks sent per second of <see cref="Elapsed"/>.</summary>
    public double TicksPerSecond => TicksSent / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>One line: what was sent, how fast, and what became of it.</summary>
    public override string ToString()
    {
        var c = Counts;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Symbol}: {TicksSent:N0} ticks in {BatchesSent:N0} batches confirmed in {Elapsed.TotalSeconds:F2} s ({TicksPerSecond:N0} ticks/s): {c.Accepted:N0} accepted ({c.LateAccepted:N0} late), {c.Duplicates:N0} duplicates, {c.Rejected:N0} rejected");
        if (c.Rejected > 0)
        {
            text += " (" + string.Join(", ", c.RejectedByReason.Where(r => r.Value > 0).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value:N0}"))) + ")";
        }

        if (RowsSkipped > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; {RowsSkipped:N0} file rows skipped");
        }

        return text + string.Create(CultureInfo.InvariantCulture,
            $"; the symbol now has {Stats.Accepted:N0} ticks, {Stats.ClosedDays:N0} closed days");
    }
}
