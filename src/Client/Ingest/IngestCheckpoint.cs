using System.Globalization;
using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Client;

/// <summary>
/// Where an ingest stood when it stopped: which of its batches the symbol's market grain confirmed as stored, and
/// which it had not (yet). Batches are numbered 1, 2, 3… in the order the source produced them, each of
/// <see cref="StreamClientOptions.BatchSize"/> ticks but the last; so the first <see cref="TicksConfirmedInOrder"/>
/// ticks of the source are stored, and resuming from there (or sending everything again) loses nothing and
/// counts nothing twice: ticks already stored come back as duplicates.
/// </summary>
/// <param name="Symbol">The symbol ingested.</param>
/// <param name="Producer">The producer id the ingest published its batches under.</param>
/// <param name="BatchesSent">Batches published at least once (1 to this number).</param>
/// <param name="TicksSent">Ticks in those batches.</param>
/// <param name="ConfirmedThrough">Every batch up to this number is confirmed.</param>
/// <param name="ConfirmedBeyond">Batches above <paramref name="ConfirmedThrough"/> that are confirmed too (landed out of order), ascending.</param>
/// <param name="TicksConfirmedInOrder">Ticks in batches 1 to <paramref name="ConfirmedThrough"/>: the stored prefix of the source.</param>
/// <param name="Unconfirmed">Batches sent but not confirmed, ascending; they may or may not have been stored.</param>
/// <param name="Counts">What the market grain did with this ingest's ticks so far (accepted, duplicates, late, rejected by reason).</param>
public sealed record IngestCheckpoint(
    string Symbol,
    Guid Producer,
    long BatchesSent,
    long TicksSent,
    long ConfirmedThrough,
    IReadOnlyList<long> ConfirmedBeyond,
    long TicksConfirmedInOrder,
    IReadOnlyList<long> Unconfirmed,
    TickCounts Counts)
{
    /// <summary>Batches confirmed, in order or not.</summary>
    public long BatchesConfirmed => ConfirmedThrough + ConfirmedBeyond.Count;

    /// <summary>One line: how many batches were sent and confirmed, which were not, and where to resume.</summary>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Symbol}: {BatchesConfirmed:N0} of {BatchesSent:N0} batches confirmed");
        if (BatchesConfirmed > 0)
        {
            text += $" ({SequenceRanges.Format(ConfirmedThrough, ConfirmedBeyond)})";
        }

        if (Unconfirmed.Count > 0)
        {
            text += $", unconfirmed {SequenceRanges.Format(0, Unconfirmed)}";
        }

        return text + string.Create(CultureInfo.InvariantCulture,
            $"; the first {TicksConfirmedInOrder:N0} of {TicksSent:N0} ticks sent are stored");
    }
}
