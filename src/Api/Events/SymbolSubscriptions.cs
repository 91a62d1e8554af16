using System.Collections.Immutable;
using Orleans.Streams;
using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Api.Events;

/// <summary>A symbol's two stream subscriptions in this silo and the inboxes of the HTTP listeners they feed.</summary>
internal sealed class SymbolSubscriptions
{
    private ImmutableArray<ListenerInbox> _inboxes = [];

    public StreamSubscriptionHandle<Forecast>? Forecasts { get; set; }

    public StreamSubscriptionHandle<Nowcast>? Nowcasts { get; set; }

    public void Add(ListenerInbox inbox) => ImmutableInterlocked.Update(ref _inboxes, i => i.Add(inbox));

    /// <summary>Removes a listener; returns how many remain.</summary>
    public int Remove(ListenerInbox inbox)
    {
        ImmutableInterlocked.Update(ref _inboxes, i => i.Remove(inbox));
        return _inboxes.Length;
    }

    public void Publish(Forecast forecast)
    {
        foreach (var inbox in _inboxes)
        {
            inbox.Post(forecast);
        }
    }

    public void Publish(Nowcast nowcast)
    {
        foreach (var inbox in _inboxes)
        {
            inbox.Post(nowcast);
        }
    }

    public async Task UnsubscribeAsync()
    {
        await Forecasts!.UnsubscribeAsync();
        await Nowcasts!.UnsubscribeAsync();
    }
}
