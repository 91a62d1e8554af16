namespace StreamPredictor.Sources.Resilience;

/// <summary>
/// Keeps REST requests under a rate: each request waits for its turn, at least <see cref="Interval"/> after the
/// previous one. A throttling answer doubles the interval (up to the slowest allowed) and pushes the next turn out
/// by the answer's Retry-After (or the new interval); every 20 answers without one halve it again, down to the
/// configured rate.
/// </summary>
public sealed class RequestPacer
{
    private const int SpeedUpAfter = 20;
    private readonly TimeProvider _time;
    private readonly TimeSpan _fastest;
    private readonly TimeSpan _slowest;
    private readonly Lock _lock = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private TimeSpan _interval;
    private int _successes;

    public RequestPacer(TimeProvider time, TimeSpan fastest, TimeSpan slowest)
    {
        _time = time;
        _fastest = fastest;
        _slowest = slowest < fastest ? fastest : slowest;
        _interval = fastest;
    }

    /// <summary>The current spacing between requests.</summary>
    public TimeSpan Interval
    {
        get
        {
            lock (_lock)
            {
                return _interval;
            }
        }
    }

    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var turn = _next > now ? _next : now;
            _next = turn + _interval;
            wait = turn - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    public void Throttled(TimeSpan? retryAfter)
    {
        lock (_lock)
        {
            _successes = 0;
            _interval = TimeSpan.FromTicks(Math.Min(_slowest.Ticks, _interval.Ticks * 2));
            var earliest = _time.GetUtcNow() + (retryAfter ?? _interval);
            if (_next < earliest)
            {
                _next = earliest;
            }
        }
    }

    public void Succeeded()
    {
        lock (_lock)
        {
            if (++_successes >= SpeedUpAfter && _interval > _fastest)
            {
                _successes = 0;
                _interval = TimeSpan.FromTicks(Math.Max(_fastest.Ticks, _interval.Ticks / 2));
            }
        }
    }
}
