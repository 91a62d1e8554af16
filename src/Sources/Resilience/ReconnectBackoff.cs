namespace StreamPredictor.Sources.Resilience;

/// <summary>
/// Exponential back-off with jitter between reconnects: the n-th failure in a row waits a random time between
/// half and all of <c>first × 2^(n-1)</c>, capped at <c>max</c>, so many clients dropped at once do not return
/// together. A healthy session resets the count.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan first, TimeSpan max, Random random)
{
    private int _failures;

    public int Failures => _failures;

    public TimeSpan Next()
    {
        _failures++;
        var ceiling = Math.Min(max.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, Math.Min(_failures - 1, 30)));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (0.5 * random.NextDouble())));
    }

    public void Reset() => _failures = 0;
}
