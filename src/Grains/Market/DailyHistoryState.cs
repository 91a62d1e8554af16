using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Market;

/// <summary>The history of closed days: written only when a day closes or is revised.</summary>
[GenerateSerializer, Alias("stream.daily-history-state")]
public sealed class DailyHistoryState
{
    [Id(0)] public List<DailyBar> ClosedDays { get; set; } = [];
}
