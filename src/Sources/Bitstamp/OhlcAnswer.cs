namespace StreamPredictor.Sources.Bitstamp;

/// <summary>
/// One OHLC answer. For a page: the valid bars with trades (oldest first), how many entries the page held in all
/// (<see cref="Entries"/>, for paging), the newest entry's timestamp, and the entries refused by reason. Otherwise
/// why it failed (<see cref="Problem"/>, a <see cref="Monitoring.BadInput"/> name) and any Retry-After.
/// </summary>
public sealed record OhlcAnswer(
    OhlcAnswerKind Kind,
    IReadOnlyList<Tick> Bars,
    int Entries,
    long? NewestEntry,
    IReadOnlyList<string> RefusedEntries,
    string? Problem = null,
    string? Detail = null,
    TimeSpan? RetryAfter = null)
{
    public static OhlcAnswer Failure(OhlcAnswerKind kind, string? problem, string? detail = null, TimeSpan? retryAfter = null) =>
        new(kind, [], 0, null, [], problem, detail, retryAfter);
}
