using System.Collections.Immutable;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Streams;

namespace StreamPredictor.Api.Events;

/// <summary>
/// Forecasts of the "forecasts" stream for the server-sent-events endpoint. One subscription per symbol per
/// silo, whatever the number of HTTP listeners: made when the first listener of a symbol arrives, removed when
/// the last one leaves, so idle symbols cost the stream's pub-sub nothing.
/// </summary>
public sealed partial class ForecastFeed(IClusterClient cluster, ILogger<ForecastFeed> logger)
{
    /// <summary>Forecasts a slow listener may fall behind by before the oldest are dropped (only the newest matters).</summary>
    private const int ListenerBuffer = 16;

    private readonly Dictionary<string, SymbolFeed> _feeds = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Starts listening to a symbol's forecasts; the stream subscription exists once this returns.</summary>
    public async Task<ForecastListener> ListenAsync(string symbol)
    {
        var channel = Channel.CreateBounded<Forecast>(new BoundedChannelOptions(ListenerBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        await _gate.WaitAsync();
        try
        {
            if (!_feeds.TryGetValue(symbol, out var feed))
            {
                feed = new SymbolFeed();
                var stream = StreamNames.Get<Forecast>(cluster.GetStreamProvider(StreamNames.Provider), StreamNames.Forecasts, symbol);
                feed.Handle = await stream.SubscribeAsync((forecast, _) =>
                {
                    feed.Publish(forecast);
                    return Task.CompletedTask;
                });
                _feeds[symbol] = feed;
                LogSubscribed(symbol);
            }

            feed.Add(channel.Writer);
        }
        finally
        {
            _gate.Release();
        }

        return new ForecastListener(this, symbol, channel);
    }

    internal async Task LeaveAsync(string symbol, ChannelWriter<Forecast> writer)
    {
        writer.TryComplete();
        await _gate.WaitAsync();
        try
        {
            if (!_feeds.TryGetValue(symbol, out var feed) || feed.Remove(writer) > 0)
            {
                return;
            }

            _feeds.Remove(symbol);
            try
            {
                await feed.Handle!.UnsubscribeAsync().WaitAsync(TimeSpan.FromSeconds(10));
                LogUnsubscribed(symbol);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The cluster may be stopping; a subscription left behind only costs deliveries nobody reads.
                LogUnsubscribeFailed(e, symbol);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed class SymbolFeed
    {
        private ImmutableArray<ChannelWriter<Forecast>> _writers = [];

        public StreamSubscriptionHandle<Forecast>? Handle { get; set; }

        public void Add(ChannelWriter<Forecast> writer) => ImmutableInterlocked.Update(ref _writers, w => w.Add(writer));

        /// <summary>Removes a listener; returns how many remain.</summary>
        public int Remove(ChannelWriter<Forecast> writer)
        {
            ImmutableInterlocked.Update(ref _writers, w => w.Remove(writer));
            return _writers.Length;
        }

        public void Publish(Forecast forecast)
        {
            foreach (var writer in _writers)
            {
                writer.TryWrite(forecast);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Subscribed to the forecasts of {Symbol} for HTTP listeners")]
    private partial void LogSubscribed(string symbol);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No HTTP listener left for the forecasts of {Symbol}; unsubscribed")]
    private partial void LogUnsubscribed(string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not unsubscribe from the forecasts of {Symbol}")]
    private partial void LogUnsubscribeFailed(Exception exception, string symbol);
}
