using StreamPredictor.Sources.Bars;

namespace StreamPredictor.Sources.Bitstamp;

/// <summary>One parsed WebSocket message: its kind, the trade it carried, or why it was refused.</summary>
public readonly record struct BitstampEvent(BitstampEventKind Kind, Trade Trade = default, string? BadReason = null, string? Detail = null)
{
    public static BitstampEvent Bad(string reason, string? detail = null) => new(BitstampEventKind.Bad, default, reason, detail);
}
