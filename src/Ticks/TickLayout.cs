namespace StreamPredictor.Ticks;

/// <summary>The column layouts Stream reads, recognised by their header line.</summary>
/// <param name="Name">The layout's name in messages.</param>
/// <param name="Columns">The header's column names, in order.</param>
/// <param name="OpenField">The index of the open column.</param>
/// <param name="HighField">The index of the high column.</param>
/// <param name="LowField">The index of the low column.</param>
/// <param name="CloseField">The index of the close column.</param>
/// <param name="VolumeField">The index of the volume column.</param>
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

    /// <summary>Every layout, in the order headers are tried.</summary>
    public static IReadOnlyList<TickLayout> All { get; } = [Kaggle, Generic];

    /// <summary>Fields per row.</summary>
    public int FieldCount => Columns.Length;

    /// <summary>The header line, as the layout writes it.</summary>
    public string Header => string.Join(',', Columns);

    /// <summary>The layout whose column names match the header (case and surrounding blanks ignored), or null.</summary>
    public static TickLayout? FromHeader(string header)
    {
        var names = header.Split(',', StringSplitOptions.TrimEntries);
        return All.FirstOrDefault(layout => names.AsSpan().SequenceEqual(layout.Columns, StringComparer.OrdinalIgnoreCase));
    }
}
