namespace StreamPredictor.Client.Tests.Support;

/// <summary>Progress reported on the caller's thread at once, so a test can act on an exact step.</summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public List<T> Seen { get; } = [];

    public void Report(T value)
    {
        lock (Seen)
        {
            Seen.Add(value);
        }

        report(value);
    }
}
