namespace StreamPredictor.Ticks;

/// <summary>What a pass over a whole tick file found: its layout, rows turned into ticks, rows skipped.</summary>
public sealed record TickFileSummary(string? Layout, long Lines, long TickRows, long MissingCloseRows, IReadOnlyDictionary<BadRowReason, long> BadRowsByReason)
{
    public long BadRows => BadRowsByReason.Values.Sum();
}
