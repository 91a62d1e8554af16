using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Api.Events;

/// <summary>
/// Which of two nowcasts a listener should keep: the later open day, then the later newest tick, then the later
/// computation. A nowcast equal on all three is the one already sent (read first, then delivered by the stream).
/// </summary>
public static class NowcastOrder
{
    public static bool IsNewer(Nowcast candidate, Nowcast? last) =>
        last is null
        || (candidate.Date, candidate.AsOf, candidate.ComputedAt).CompareTo((last.Date, last.AsOf, last.ComputedAt)) > 0;
}
