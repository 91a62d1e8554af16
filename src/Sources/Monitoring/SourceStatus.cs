namespace StreamPredictor.Sources.Monitoring;

/// <summary>
/// A source at one moment: whether it is connected, the newest trade (or tick) time it has seen, what it has
/// published, repaired and refused. <see cref="BadInput"/> is keyed by the names in <see cref="Monitoring.BadInput"/>.
/// </summary>
public sealed record SourceStatus(
    string Source,
    bool Connected,
    DateTimeOffset? LastTradeTime,
    long MinutesPublished,
    long GapsRepaired,
    long MinutesRepaired,
    long Reconnects,
    long Throttled,
    long Trades,
    long DuplicateTrades,
    long LateTrades,
    long MessagesReceived,
    long HeartbeatsSent,
    long HeartbeatsAnswered,
    long Sessions,
    IReadOnlyDictionary<string, long> BadInput)
{
    public long BadInputTotal => BadInput.Values.Sum();
}
