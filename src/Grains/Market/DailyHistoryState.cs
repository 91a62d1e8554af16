using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Market;

/// <summary>
/// The single record of all closed days that versions before monthly records (<see cref="DailyHistoryChunk"/>) wrote on
/// every close. Still read on activation (its days are Final: figures only), never written.
/// </summary>
[GenerateSerializer, Alias("stream.daily-history-state")]
public sealed class DailyHistoryState
{
    [Id(0)] public List<DailyBar> ClosedDays { get; set; } = [];
}
