using Orleans.Streams;
using StreamPredictor.Abstractions.Streams;

namespace StreamPredictor.Sources.Tests.Support;

/// <summary>Listens on a symbol's tick stream beside the market grain and keeps every tick that went by.</summary>
public sealed class StreamTap : IAsyncDisposable
{
    private readonly List<Tick> _ticks = [];
    private StreamSubscriptionHandle<TickBatch> _handle = null!;

    public IReadOnlyList<Tick> Ticks
    {
        get
        {
            lock (_ticks)
            {
                return [.. _ticks];
            }
        }
    }

    public static async Task<StreamTap> StartAsync(IClusterClient cluster, string symbol)
    {
        var tap = new StreamTap();
        var stream = StreamNames.Get<TickBatch>(cluster.GetStreamProvider(StreamNames.Provider), StreamNames.Ticks, symbol);
        tap._handle = await stream.SubscribeAsync((batch, _) =>
        {
            lock (tap._ticks)
            {
                tap._ticks.AddRange(batch.Ticks.ToArray());
            }

            return Task.CompletedTask;
        });
        return tap;
    }

    public async ValueTask DisposeAsync() => await _handle.UnsubscribeAsync();
}
