namespace StreamPredictor.Ticks;

/// <summary>How a <see cref="TickReader"/> treats bad rows.</summary>
public sealed record TickReaderOptions
{
    /// <summary>Skip and count rows that fail validation instead of stopping at the first.</summary>
    public bool SkipBad { get; init; }

    /// <summary>Bytes read from the file at a time; a line may not be longer.</summary>
    public int BufferSize { get; init; } = 1 << 20;
}
