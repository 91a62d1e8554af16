using Microsoft.Extensions.Time.Testing;

namespace StreamPredictor.Sources.Tests.Support;

/// <summary>
/// A fake clock whose one-shot timers fire a millisecond early: a delay "until T" completes while the clock still
/// reads a hair before T, as a scaled or coarse system timer may against the wall clock.
/// </summary>
public sealed class LaggingClock(FakeTimeProvider inner) : TimeProvider
{
    private static readonly TimeSpan Early = TimeSpan.FromMilliseconds(1);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime > Early && period == Timeout.InfiniteTimeSpan ? dueTime - Early : dueTime, period);
}
