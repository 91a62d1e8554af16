using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Client;

/// <summary>A batch published and not yet confirmed, with when it was first and last sent (timestamps of the ingest's clock).</summary>
internal sealed class PendingBatch(TickBatch batch, long firstSent, (long First, long Last) days)
{
    public TickBatch Batch { get; } = batch;

    public long Sequence => Batch.Sequence;

    public int Ticks { get; } = batch.Count;

    /// <summary>The UTC days of the batch's earliest and latest ticks (its ticks need not be in order).</summary>
    public (long First, long Last) Days { get; } = days;

    /// <summary>The UTC days of <paramref name="ticks"/>' earliest and latest ticks, in one pass ((0, 0) when there are none).</summary>
    public static (long First, long Last) DaysOf(ReadOnlySpan<Tick> ticks)
    {
        if (ticks.IsEmpty)
        {
            return (0, 0);
        }

        var (earliest, latest) = (long.MaxValue, long.MinValue);
        foreach (ref readonly var tick in ticks)
        {
            earliest = Math.Min(earliest, tick.Timestamp);
            latest = Math.Max(latest, tick.Timestamp);
        }

        return (Tick.FloorDiv(earliest, Tick.SecondsPerDay), Tick.FloorDiv(latest, Tick.SecondsPerDay));
    }

    public long FirstSent { get; } = firstSent;

    public long LastSent { get; private set; } = firstSent;

    public int Sends { get; private set; } = 1;

    public void SentAgain(long at)
    {
        LastSent = at;
        Sends++;
    }
}
