namespace StreamPredictor.Abstractions.Market;

/// <summary>What happened to a day.</summary>
[GenerateSerializer, Alias("stream.day-event-kind")]
public enum DayEventKind
{
    /// <summary>A tick of a later day arrived: this day's figures are complete.</summary>
    Closed = 0,

    /// <summary>A late tick (within the allowed lateness) changed a day already closed.</summary>
    Revised = 1,
}
