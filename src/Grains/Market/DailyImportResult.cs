using StreamPredictor.Abstractions.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Grains.Market;

/// <summary>The days of a tick file and what was read, skipped and refused on the way.</summary>
public sealed record DailyImportResult(
    string File,
    string? Layout,
    IReadOnlyList<DailyBar> Days,
    long Lines,
    long TickRows,
    long Duplicates,
    long MissingCloseRows,
    IReadOnlyDictionary<BadRowReason, long> BadRowsByReason,
    long BytesRead,
    TimeSpan Elapsed)
{
    public long BadRows => BadRowsByReason.Values.Sum();

    /// <summary>Lines after the header (0 for an empty file).</summary>
    public long Rows => Math.Max(0, Lines - 1);

    public long TicksCounted => TickRows - Duplicates;
}
