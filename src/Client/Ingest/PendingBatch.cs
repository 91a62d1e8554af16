using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Client;

/// <summary>A batch published and not yet confirmed, with when it was first and last sent (timestamps of the ingest's clock).</summary>
internal sealed class PendingBatch(TickBatch batch, long firstSent)
{
    public TickBatch Batch { get; } = batch;

    public long Sequence => Batch.Sequence;

    public int Ticks { get; } = batch.Count;

    /// <summary>The UTC day of the batch's earliest tick (its ticks need not be in order).</summary>
    public long FirstDay { get; } = EarliestDay(batch.Ticks);

    /// <summary>The UTC day of the batch's latest tick.</summary>
    public long LastDay { get; } = LatestDay(batch.Ticks);

    /// <summary>The UTC day of <paramref name="ticks"/>' earliest tick (day 0 when there are none).</summary>
    public static long EarliestDay(ReadOnlySpan<Tick> ticks)
    {
        var earliest = long.MaxValue;
        for (var i = 0; i < ticks.Length; i++)
        {
            earliest = Math.Min(earliest, ticks[i].Timestamp);
        }

        return ticks.Length == 0 ? 0 : Tick.FloorDiv(earliest, Tick.SecondsPerDay);
    }

    /// <summary>The UTC day of <paramref name="ticks"/>' latest tick (day 0 when there are none).</summary>
    public static long LatestDay(ReadOnlySpan<Tick> ticks)
    {
        var latest = long.MinValue;
        for (var i = 0; i < ticks.Length; i++)
        {
            latest = Math.Max(latest, ticks[i].Timestamp);
        }

        return ticks.Length == 0 ? 0 : Tick.FloorDiv(latest, Tick.SecondsPerDay);
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
