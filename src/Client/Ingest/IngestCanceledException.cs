namespace StreamPredictor.Client;

/// <summary>
/// An ingest was cancelled. Nothing was published after the token fired; <see cref="Checkpoint"/> says which batches
/// the cluster confirmed as stored (batches already in flight get up to a second to land), so the caller can resume.
/// </summary>
public sealed class IngestCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception (for instance in a test double of <see cref="IStreamClient"/>).</summary>
    /// <param name="checkpoint">Where the ingest stood when it stopped.</param>
    /// <param name="cancellationToken">The token that stopped it.</param>
    public IngestCanceledException(IngestCheckpoint checkpoint, CancellationToken cancellationToken)
        : base($"ingest cancelled: {checkpoint}", cancellationToken)
    {
        Checkpoint = checkpoint;
    }

    /// <summary>Which batches were sent and which were confirmed when the ingest stopped.</summary>
    public IngestCheckpoint Checkpoint { get; }
}
