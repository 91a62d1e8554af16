namespace StreamPredictor.Client.Tests.Support;

/// <summary>
/// A publisher that passes batches to the real stream but silently drops the sends a test picks, as a stream
/// provider that logs a failed publish instead of throwing does. Counts every send.
/// </summary>
internal sealed class FaultyPublisher(ITickBatchPublisher inner, Func<TickBatch, int, bool>? drop = null) : ITickBatchPublisher
{
    private readonly Dictionary<long, int> _sends = [];

    public int Published { get; private set; }

    public int Dropped { get; private set; }

    public int SendsOf(long sequence)
    {
        lock (_sends)
        {
            return _sends.GetValueOrDefault(sequence);
        }
    }

    /// <summary>Drops every send of the batches numbered <paramref name="sequences"/>.</summary>
    public static FaultyPublisher DropAlways(ITickBatchPublisher inner, params long[] sequences) =>
        new(inner, (batch, _) => sequences.Contains(batch.Sequence));

    /// <summary>Drops the first send of the batches numbered <paramref name="sequences"/>.</summary>
    public static FaultyPublisher DropFirstSend(ITickBatchPublisher inner, params long[] sequences) =>
        new(inner, (batch, send) => send == 1 && sequences.Contains(batch.Sequence));

    public Task PublishAsync(TickBatch batch, bool direct = false)
    {
        int send;
        lock (_sends)
        {
            send = _sends[batch.Sequence] = _sends.GetValueOrDefault(batch.Sequence) + 1;
            Published++;
        }

        if (drop?.Invoke(batch, send) == true)
        {
            lock (_sends)
            {
                Dropped++;
            }

            return Task.CompletedTask;
        }

        return inner.PublishAsync(batch, direct);
    }
}
