using StreamPredictor.Sources.Monitoring;

namespace StreamPredictor.Sources;

/// <summary>
/// One symbol's feed: minute bars (or any ticks) in ascending time as an async stream, with its own reconnects
/// and gap repair. A new exchange is a new implementation of this interface.
/// </summary>
public interface ITickSource
{
    /// <summary>What the status line and metrics call it, e.g. <c>bitstamp:btcusd</c>.</summary>
    string Name { get; }

    /// <summary>Connection state, counts and bad input by reason, updated as the source runs.</summary>
    SourceCounters Counters { get; }

    /// <summary>
    /// Bars from <paramref name="resumeFrom"/> (unix seconds; the first minute the symbol still needs, null when it
    /// holds nothing) on. <paramref name="stopping"/> asks the source to finish: it hands out every bar that is
    /// complete by then, in order, and the sequence ends normally. Disposing the enumerator early abandons the rest.
    /// </summary>
    IAsyncEnumerable<Tick> ReadAsync(long? resumeFrom, CancellationToken stopping);
}
