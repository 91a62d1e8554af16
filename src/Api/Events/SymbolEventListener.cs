using System.Runtime.CompilerServices;
using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Api.Events;

/// <summary>
/// One HTTP listener's view of a symbol: the current forecast and nowcast first (those there are), then each newer
/// one as it is published. Disposing it leaves the feed.
/// </summary>
public sealed class SymbolEventListener(SymbolEventFeed feed, string symbol, ListenerInbox inbox) : IAsyncDisposable
{
    private int _left;

    public async IAsyncEnumerable<SymbolEvent> ReadAllAsync(IForecastGrain grain, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Subscribed before reading the current ones, so nothing published in between is missed;
        // what was already current when read is not sent twice.
        var forecast = await grain.GetLatestAsync();
        if (forecast is not null)
        {
            yield return SymbolEvent.Of(forecast);
        }

        var nowcast = await grain.GetNowcastAsync();
        if (nowcast is not null)
        {
            yield return SymbolEvent.Of(nowcast);
        }

        while (await inbox.WaitAsync(cancellationToken))
        {
            while (inbox.TryTakeForecast(out var next))
            {
                if (forecast is not null && (next == forecast || next.ComputedAt < forecast.ComputedAt))
                {
                    continue;
                }

                forecast = next;
                yield return SymbolEvent.Of(next);
            }

            if (inbox.TakeNowcast() is { } newest && NowcastOrder.IsNewer(newest, nowcast))
            {
                nowcast = newest;
                yield return SymbolEvent.Of(newest);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _left, 1) == 0)
        {
            await feed.LeaveAsync(symbol, inbox);
        }
    }
}
