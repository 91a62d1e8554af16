namespace StreamPredictor.Ticks.Rows;

/// <summary>What a column of a layout holds; <see cref="Unused"/> columns are checked for presence only.</summary>
internal enum FieldRole : byte
{
    Unused,
    Timestamp,
    Open,
    High,
    Low,
    Close,
    Volume,
}
