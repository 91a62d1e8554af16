namespace StreamPredictor.Abstractions.Market;

/// <summary>A day of a symbol closed or was revised; published on the "days" stream.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Kind">Closed or revised.</param>
/// <param name="Day">The day's figures as they now stand.</param>
[GenerateSerializer, Immutable, Alias("stream.day-event")]
public sealed record DayEvent(
    [property: Id(0)] string Symbol,
    [property: Id(1)] DayEventKind Kind,
    [property: Id(2)] DailyBar Day);
