using Microsoft.Extensions.Logging;
using Orleans.Streams;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Streams;

namespace StreamPredictor.Api.Events;

/// <summary>
/// Forecasts and nowcasts of a symbol for the server-sent-events endpoint, from the "forecasts" and "nowcasts"
/// streams. One subscription to each per symbol per silo, whatever the number of HTTP listeners: made when the first
/// listener of a symbol arrives, removed when the last one leaves, so idle symbols cost the streams' pub-sub nothing.
/// </summary>
public sealed partial class SymbolEventFeed(IClusterClient cluster, ILogger<SymbolEventFeed> logger)
{
    private readonly Dictionary<string, SymbolSubscriptions> _feeds = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Starts listening to a symbol's forecasts and nowcasts; both stream subscriptions exist once this returns.</summary>
    public async Task<SymbolEventListener> ListenAsync(string symbol)
    {
        var inbox = new ListenerInbox();
        await _gate.WaitAsync();
        try
        {
            if (!_feeds.TryGetValue(symbol, out var feed))
            {
                feed = await SubscribeAsync(symbol);
                _feeds[symbol] = feed;
                LogSubscribed(symbol);
            }

            feed.Add(inbox);
        }
        finally
        {
            _gate.Release();
        }

        return new SymbolEventListener(this, symbol, inbox);
    }

    internal async Task LeaveAsync(string symbol, ListenerInbox inbox)
    {
        inbox.Complete();
        await _gate.WaitAsync();
        try
        {
            if (!_feeds.TryGetValue(symbol, out var feed) || feed.Remove(inbox) > 0)
            {
                return;
            }

            _feeds.Remove(symbol);
            try
            {
                await feed.UnsubscribeAsync().WaitAsync(TimeSpan.FromSeconds(10));
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

    private async Task<SymbolSubscriptions> SubscribeAsync(string symbol)
    {
        var provider = cluster.GetStreamProvider(StreamNames.Provider);
        var feed = new SymbolSubscriptions();
        feed.Forecasts = await StreamNames.Get<Forecast>(provider, StreamNames.Forecasts, symbol).SubscribeAsync((forecast, _) =>
        {
            feed.Publish(forecast);
            return Task.CompletedTask;
        });
        try
        {
            feed.Nowcasts = await StreamNames.Get<Nowcast>(provider, StreamNames.Nowcasts, symbol).SubscribeAsync((nowcast, _) =>
            {
                feed.Publish(nowcast);
                return Task.CompletedTask;
            });
        }
        catch
        {
            await feed.Forecasts.UnsubscribeAsync();
            throw;
        }

        return feed;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Subscribed to the forecasts and nowcasts of {Symbol} for HTTP listeners")]
    private partial void LogSubscribed(string symbol);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No HTTP listener left for {Symbol}; unsubscribed from its forecasts and nowcasts")]
    private partial void LogUnsubscribed(string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not unsubscribe from the forecasts and nowcasts of {Symbol}")]
    private partial void LogUnsubscribeFailed(Exception exception, string symbol);
}
