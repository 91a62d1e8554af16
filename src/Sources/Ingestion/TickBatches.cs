using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace StreamPredictor.Sources.Ingestion;

/// <summary>
/// Groups a live sequence into batches for the SDK: a batch goes out as soon as nothing more is ready right now,
/// or when it is full. A replay at full speed fills whole batches; a live feed sends each minute as it completes
/// instead of waiting for thousands of them.
/// </summary>
public static class TickBatches
{
    public static async IAsyncEnumerable<Tick[]> WhileAvailable(IAsyncEnumerable<Tick> ticks, int size, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var ready = Channel.CreateBounded<Tick>(new BoundedChannelOptions(size * 2) { SingleReader = true, SingleWriter = true });
        using var abandon = new CancellationTokenSource();
        var pump = Task.Run(() => PumpAsync(ticks, ready.Writer, abandon.Token), CancellationToken.None);
        try
        {
            var batch = new List<Tick>(size);
            while (await ready.Reader.WaitToReadAsync(cancellationToken))
            {
                while (batch.Count < size && ready.Reader.TryRead(out var tick))
                {
                    batch.Add(tick);
                }

                yield return [.. batch];
                batch.Clear();
            }
        }
        finally
        {
            await abandon.CancelAsync();
            await pump;
        }
    }

    private static async Task PumpAsync(IAsyncEnumerable<Tick> ticks, ChannelWriter<Tick> ready, CancellationToken abandon)
    {
        try
        {
            await foreach (var tick in ticks)
            {
                await ready.WriteAsync(tick, abandon);
            }

            ready.TryComplete();
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            ready.TryComplete();
        }
        catch (Exception e)
        {
            ready.TryComplete(e);
        }
    }
}
