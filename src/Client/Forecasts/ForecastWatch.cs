using System.Runtime.CompilerServices;
using System.Threading.Channels;
using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Client;

/// <summary>
/// A symbol's forecasts (or nowcasts) as an async sequence: the latest one first (when there is one), then each new one
/// as the cluster pushes it; one that <c>skip</c> says is not newer than the last (older, or the same figures recomputed)
/// is skipped. A slow reader skips to the
/// newest (a few are buffered); the sequence ends when the host stops.
/// </summary>
internal static class ForecastWatch
{
    private const int Buffered = 16;

    public static IAsyncEnumerable<Forecast> RunAsync(
        Func<Func<Forecast, Task>, Action, CancellationToken, Task<IAsyncDisposable>> subscribe,
        Func<CancellationToken, Task<Forecast?>> latest,
        CancellationToken cancellationToken) =>
        RunAsync(subscribe, latest, static (next, last) => next.ComputedAt < last.ComputedAt || SameForecast(next, last), cancellationToken);

    public static async IAsyncEnumerable<T> RunAsync<T>(
        Func<Func<T, Task>, Action, CancellationToken, Task<IAsyncDisposable>> subscribe,
        Func<CancellationToken, Task<T?>> latest,
        Func<T, T, bool> skip,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(Buffered)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        var subscription = await subscribe(
            forecast =>
            {
                channel.Writer.TryWrite(forecast);
                return Task.CompletedTask;
            },
            () => channel.Writer.TryComplete(),
            cancellationToken);
        await using (subscription)
        {
            var last = await latest(cancellationToken);
            if (last is not null)
            {
                yield return last;
            }

            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var next))
                {
                    if (last is not null && skip(next, last))
                    {
                        continue;
                    }

                    last = next;
                    yield return next;
                }
            }
        }
    }

    /// <summary>The same forecast computed again (after a restart or a refresh): only its computation time differs.</summary>
    private static bool SameForecast(Forecast a, Forecast b) => a.Equals(b with { ComputedAt = a.ComputedAt });
}
