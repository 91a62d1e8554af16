using System.Runtime.CompilerServices;
using System.Threading.Channels;
using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Api.Events;

/// <summary>
/// One HTTP listener's view of a symbol's forecasts: the current one first (when there is one), then each newer
/// one as it is published. Disposing it leaves the feed.
/// </summary>
public sealed class ForecastListener(ForecastFeed feed, string symbol, Channel<Forecast> channel) : IAsyncDisposable
{
    private int _left;

    public async IAsyncEnumerable<Forecast> ReadAllAsync(IForecastGrain grain, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Subscribed before reading the current forecast, so nothing published in between is missed;
        // what was already current when read is not sent twice.
        var last = await grain.GetLatestAsync();
        if (last is not null)
        {
            yield return last;
        }

        await foreach (var forecast in channel.Reader.ReadAllAsync(cancellationToken))
        {
            if (last is not null && (forecast == last || forecast.ComputedAt < last.ComputedAt))
            {
                continue;
            }

            last = forecast;
            yield return forecast;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _left, 1) == 0)
        {
            await feed.LeaveAsync(symbol, channel.Writer);
        }
    }
}
