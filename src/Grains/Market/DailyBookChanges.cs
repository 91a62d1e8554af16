using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Market;

/// <summary>What one batch did to a <see cref="DailyBook"/>: days it closed, closed days it revised, what its ticks came to.</summary>
public sealed record DailyBookChanges(IReadOnlyList<DailyBar> Closed, IReadOnlyList<DailyBar> Revised, bool RecentChanged, TickCounts Counts, bool Redelivered = false)
{
    public bool HistoryChanged => Closed.Count > 0 || Revised.Count > 0;
}
