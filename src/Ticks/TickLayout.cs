namespace StreamPredictor.Ticks;

/// <summary>The column layouts Stream reads, recognised by their header line.</summary>
public sealed record TickLayout(string Name, string[] Columns, int OpenField, int HighField, int LowField, int CloseField, int VolumeField)
{
    /// <summary>Kaggle's "Bitcoin Historical Data" (Bitstamp) minute files.</summary>
    public static TickLayout Kaggle { get; } = new(
        "kaggle-bitstamp",
        ["Timestamp", "Open", "High", "Low", "Close", "Volume_(BTC)", "Volume_(Currency)", "Weighted_Price"],
        1, 2, 3, 4, 5);

    /// <summary>Plain OHLCV: unix seconds or ISO-8601 UTC timestamps.</summary>
    public static TickLayout Generic { get; } = new(
        "generic",
        ["timestamp", "open", "high", "low", "close", "volume"],
        1, 2, 3, 4, 5);

    public static IReadOnlyList<TickLayout> All { get; } = [Kaggle, Generic];

    public int FieldCount => Columns.Length;

    public string Header => string.Join(',', Columns);

    /// <summary>The layout whose column names match the header (case and surrounding blanks ignored), or null.</summary>
    public static TickLayout? FromHeader(string header)
    {
        var names = header.Split(',', StringSplitOptions.TrimEntries);
        return All.FirstOrDefault(layout => names.AsSpan().SequenceEqual(layout.Columns, StringComparer.OrdinalIgnoreCase));
    }
}
