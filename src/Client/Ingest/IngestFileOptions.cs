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

    /// <summary>
    /// Read the whole file once before sending anything, so that a file that would fail half-way (a bad row, a gzip
    /// file cut short or damaged) sends nothing: the call fails with <see cref="StreamClientError.InvalidRequest"/>.
    /// Costs one more read of the file. Without it such a file fails with <see cref="StreamClientError.SourceFailed"/>
    /// once what was sent before the bad part is confirmed, and the checkpoint says where to resume.
    /// </summary>
    public bool CheckFirst { get; init; }
}
