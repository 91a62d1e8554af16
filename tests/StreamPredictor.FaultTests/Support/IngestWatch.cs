using System.Diagnostics;
using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.FaultTests.Support;

/// <summary>
/// Polls a market grain's counts while an ingest runs, to time the fault and to measure how long ingest
/// stalled: the longest stretch without a newly accepted tick, between the first and the last one.
/// A failed poll (the grain's silo is gone, Redis is down) counts as no progress.
/// </summary>
public sealed class IngestWatch : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly IMarketGrain _market;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(TimeSpan At, long Accepted)> _samples = [];
    private readonly Task _loop;

    private IngestWatch(IMarketGrain market)
    {
        _market = market;
        _loop = Task.Run(LoopAsync);
    }

    public long Accepted { get; private set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    public static IngestWatch Start(IMarketGrain market) => new(market);

    public async Task WaitForAcceptedAsync(long ticks, TimeSpan deadline)
    {
        var until = _clock.Elapsed + deadline;
        while (Accepted < ticks)
        {
            if (_clock.Elapsed > until)
            {
                throw new TimeoutException($"the market grain accepted {Accepted:N0} ticks, not {ticks:N0}, within {deadline.TotalSeconds:0} s");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>The longest time without a new accepted tick between the first accepted tick and <paramref name="total"/>.</summary>
    public (TimeSpan LongestStall, TimeSpan StallStart, TimeSpan FirstToLast) Stall(long total)
    {
        lock (_samples)
        {
            var progress = _samples.Where((s, i) => i == 0 || s.Accepted > _samples[i - 1].Accepted).ToList();
            var first = progress.FirstOrDefault(s => s.Accepted > 0);
            var last = progress.FirstOrDefault(s => s.Accepted >= total, progress.LastOrDefault());
            var longest = TimeSpan.Zero;
            var start = TimeSpan.Zero;
            for (var i = 1; i < progress.Count && progress[i - 1].Accepted < total; i++)
            {
                if (progress[i - 1].Accepted > 0 && progress[i].At - progress[i - 1].At > longest)
                {
                    longest = progress[i].At - progress[i - 1].At;
                    start = progress[i - 1].At;
                }
            }

            return (longest, start, last.At - first.At);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var stats = await _market.GetStatsAsync().WaitAsync(TimeSpan.FromSeconds(2), _stop.Token);
                Accepted = stats.Accepted;
                lock (_samples)
                {
                    _samples.Add((_clock.Elapsed, stats.Accepted));
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // No answer is no progress; the next poll tries again.
            }

            try
            {
                await Task.Delay(Interval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
