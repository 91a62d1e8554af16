namespace StreamPredictor.Abstractions.Sources;

/// <summary>
/// A live source's status as it reports it (every few seconds while it runs): whether it is connected, the event
/// time of the newest tick it has read, and what it has published, repaired and refused since it started.
/// </summary>
/// <param name="Source">The source's name, unique per symbol (<c>bitstamp:btcusd</c>, <c>replay:FILE</c>).</param>
/// <param name="Connected">Whether it holds its connection to the exchange now (a replay: while it reads).</param>
/// <param name="LastTickTime">The event time of the newest trade or tick it has read; null before the first.</param>
/// <param name="Published">Ticks (minute bars) it has published.</param>
/// <param name="Reconnects">How often it lost its connection and made a new one.</param>
/// <param name="GapsRepaired">Gaps in its feed it filled from the exchange's history.</param>
/// <param name="MinutesRepaired">Minutes those repairs published.</param>
/// <param name="BadInput">Messages or rows it refused as malformed.</param>
/// <param name="ReportedAt">When it made this report (its wall clock).</param>
[GenerateSerializer, Immutable, Alias("stream.source-report")]
public sealed record SourceReport(
    [property: Id(0)] string Source,
    [property: Id(1)] bool Connected,
    [property: Id(2)] DateTimeOffset? LastTickTime,
    [property: Id(3)] long Published,
    [property: Id(4)] long Reconnects,
    [property: Id(5)] long GapsRepaired,
    [property: Id(6)] long MinutesRepaired,
    [property: Id(7)] long BadInput,
    [property: Id(8)] DateTimeOffset ReportedAt);
