using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Client;

/// <summary>
/// One ingest's batches from the oldest unconfirmed one to the newest sent: the batches still unconfirmed (kept
/// whole, to resend) and those confirmed out of order (kept as tick counts only). Its span is bounded, so an
/// ingest holds at most <c>capacity</c> batches however long it runs. Not thread-safe: one ingest loop owns it.
/// </summary>
internal sealed class BatchWindow(int capacity)
{
    private readonly SortedDictionary<long, PendingBatch> _unconfirmed = [];
    private readonly SortedDictionary<long, int> _confirmedBeyond = [];

    /// <summary>Every batch up to this number is confirmed.</summary>
    public long ConfirmedThrough { get; private set; }

    /// <summary>Ticks in batches 1 to <see cref="ConfirmedThrough"/>.</summary>
    public long TicksConfirmedInOrder { get; private set; }

    /// <summary>Ticks in every confirmed batch, in order or not.</summary>
    public long TicksConfirmed { get; private set; }

    public long BatchesConfirmed => ConfirmedThrough + _confirmedBeyond.Count;

    /// <summary>The number of the newest batch added (0 before the first).</summary>
    public long LastSequence { get; private set; }

    public long TicksSent { get; private set; }

    /// <summary>True when no more batches may be sent until the oldest unconfirmed one is confirmed.</summary>
    public bool IsFull => LastSequence - ConfirmedThrough >= capacity;

    /// <summary>True when every batch sent is confirmed.</summary>
    public bool AllConfirmed => _unconfirmed.Count == 0;

    public IReadOnlyCollection<PendingBatch> Unconfirmed => _unconfirmed.Values;

    public IReadOnlyList<long> ConfirmedBeyond => [.. _confirmedBeyond.Keys];

    /// <summary>The next batch number to use.</summary>
    public long NextSequence => LastSequence + 1;

    public void Add(PendingBatch batch)
    {
        if (batch.Sequence != NextSequence)
        {
            throw new InvalidOperationException($"batch {batch.Sequence} added after {LastSequence}");
        }

        if (IsFull)
        {
            throw new InvalidOperationException($"window of {capacity} batches is full");
        }

        _unconfirmed.Add(batch.Sequence, batch);
        LastSequence = batch.Sequence;
        TicksSent += batch.Ticks;
    }

    /// <summary>Takes a confirmation from the market grain; returns how many batches it newly confirmed.</summary>
    public int Apply(BatchConfirmation confirmation)
    {
        var newly = 0;
        foreach (var pending in _unconfirmed.Values.ToArray())
        {
            if (confirmation.IsApplied(pending.Sequence))
            {
                _unconfirmed.Remove(pending.Sequence);
                _confirmedBeyond.Add(pending.Sequence, pending.Ticks);
                TicksConfirmed += pending.Ticks;
                newly++;
            }
        }

        while (_confirmedBeyond.Remove(ConfirmedThrough + 1, out var ticks))
        {
            ConfirmedThrough++;
            TicksConfirmedInOrder += ticks;
        }

        return newly;
    }

    /// <summary>Unconfirmed batches last sent at or before <paramref name="sentBy"/>, oldest first.</summary>
    public IEnumerable<PendingBatch> SentAtOrBefore(long sentBy) => _unconfirmed.Values.Where(b => b.LastSent <= sentBy);

    /// <summary>Unconfirmed batches first sent at or before <paramref name="firstSentBy"/>, oldest first.</summary>
    public IReadOnlyList<PendingBatch> FirstSentAtOrBefore(long firstSentBy) => [.. _unconfirmed.Values.Where(b => b.FirstSent <= firstSentBy)];
}
