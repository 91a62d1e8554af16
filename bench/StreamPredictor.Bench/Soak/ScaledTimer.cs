namespace StreamPredictor.Bench.Soak;

/// <summary>A system timer whose due time and period are given in an <see cref="AcceleratedTimeProvider"/>'s time.</summary>
internal sealed class ScaledTimer(ITimer inner, AcceleratedTimeProvider clock) : ITimer
{
    public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Real(dueTime), clock.Real(period));

    public void Dispose() => inner.Dispose();

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
