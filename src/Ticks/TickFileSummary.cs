namespace StreamPredictor.Ticks;

/// <summary>What a pass over a whole tick file found: its layout, rows turned into ticks, rows skipped.</summary>
/// <param name="Layout">The layout's name; null for an empty file.</param>
/// <param name="Lines">Lines read, the header included.</param>
/// <param name="TickRows">Rows turned into ticks.</param>
/// <param name="MissingCloseRows">Rows skipped because their close was missing (minutes without trades).</param>
/// <param name="BadRowsByReason">Rows skipped as bad, by reason (only with skipping on).</param>
public sealed record TickFileSummary(string? Layout, long Lines, long TickRows, long MissingCloseRows, IReadOnlyDictionary<BadRowReason, long> BadRowsByReason)
{
    /// <summary>Rows skipped as bad, whatever the reason.</summary>
    public long BadRows => BadRowsByReason.Values.Sum();
}
