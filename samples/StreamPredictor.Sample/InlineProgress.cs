namespace StreamPredictor.Sample;

/// <summary>Reports progress on the caller's thread, at once (System.Progress posts it to the thread pool, later).</summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
