using StreamPredictor.Sources.Monitoring;

namespace StreamPredictor.Sources;

/// <summary>A source that can page through an exchange's past minutes (for <c>stream backfill</c>).</summary>
public interface IHistorySource
{
    string Name { get; }

    SourceCounters Counters { get; }

    /// <summary>The end (exclusive, unix seconds) of the minutes that are complete at the exchange now.</summary>
    long CompleteBefore();

    /// <summary>The minutes in [<paramref name="from"/>, <paramref name="to"/>) that had trades, oldest first.</summary>
    IAsyncEnumerable<Tick> ReadHistoryAsync(long from, long to, CancellationToken cancellationToken);
}
