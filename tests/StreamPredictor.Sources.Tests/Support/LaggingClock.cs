using Microsoft.Extensions.Time.Testing;

namespace StreamPredictor.Sources.Tests.Support;

/// <summary>
/// A fake clock whose reading lags its timers by a millisecond: a delay "until T" completes while the clock still
/// reads a hair before T, as real system timers and wall clocks sometimes disagree.
/// </summary>
public sealed class LaggingClock(FakeTimeProvider inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() - TimeSpan.FromMilliseconds(1);

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
