namespace StreamPredictor.Grains.Market;

/// <summary>
/// One month of a symbol's closed days as stored (state "history-YYYY-MM"): each day's exact figures and
/// seen-seconds, so a day can be revised from what was stored. A close or a revision rewrites only its month.
/// </summary>
[GenerateSerializer, Alias("stream.daily-history-chunk")]
public sealed class DailyHistoryChunk
{
    [Id(0)] public List<DayAccumulatorState> Days { get; set; } = [];
}
