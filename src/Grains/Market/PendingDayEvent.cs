using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Market;

/// <summary>A day event stored with the batch that caused it, until the "days" stream has taken it (the outbox).</summary>
[GenerateSerializer, Immutable, Alias("stream.pending-day-event")]
public sealed record PendingDayEvent(
    [property: Id(0)] DayEventKind Kind,
    [property: Id(1)] DailyBar Day);
