namespace StreamPredictor.Grains.Market;

/// <summary>How far a daily import has read.</summary>
public sealed record DailyImportProgress(long Lines, long Bytes);
