using System.Diagnostics;

namespace StreamPredictor.Bench.Soak;

/// <summary>
/// A clock that runs <c>factor</c> times faster than real time from <c>start</c>: its time, timestamps and timers
/// (so every delay, timeout and periodic timer made through it) are scaled. Server and client share one, so a
/// simulated week passes in minutes with every protocol timing kept in proportion.
/// </summary>
public sealed class AcceleratedTimeProvider(DateTimeOffset start, double factor) : TimeProvider
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    public double Factor => factor;

    public override DateTimeOffset GetUtcNow() => start + (Stopwatch.GetElapsedTime(_origin) * factor);

    public override long GetTimestamp() => (long)((Stopwatch.GetTimestamp() - _origin) * factor);

    public override long TimestampFrequency => Stopwatch.Frequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Real(dueTime), Real(period)), this);

    /// <summary>The real span that passes while this clock moves by <paramref name="simulated"/>.</summary>
    public TimeSpan Real(TimeSpan simulated) =>
        simulated == Timeout.InfiniteTimeSpan || simulated <= TimeSpan.Zero ? simulated : simulated / factor;
}
