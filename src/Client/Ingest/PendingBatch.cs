using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Client;

/// <summary>A batch published and not yet confirmed, with when it was first and last sent (timestamps of the ingest's clock).</summary>
internal sealed class PendingBatch(TickBatch batch, long firstSent)
{
    public TickBatch Batch { get; } = batch;

    public long Sequence => Batch.Sequence;

    public int Ticks { get; } = batch.Count;

    public long FirstSent { get; } = firstSent;

    public long LastSent { get; private set; } = firstSent;

    public int Sends { get; private set; } = 1;

    public void SentAgain(long at)
    {
        LastSent = at;
        Sends++;
    }
}
