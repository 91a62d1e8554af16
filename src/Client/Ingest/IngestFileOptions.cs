namespace StreamPredictor.Client;

/// <summary>How <see cref="IStreamClient.IngestFileAsync"/> reads a tick file.</summary>
public sealed record IngestFileOptions
{
    /// <summary>Skip rows that fail validation (and count them) instead of stopping at the first with an error.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>
    /// Ticks at the start of the file not to send: resume a cancelled or failed ingest of the same file from its
    /// <see cref="IngestCheckpoint.TicksConfirmedInOrder"/>.
    /// </summary>
    public long SkipTicks { get; init; }
}
