namespace StreamPredictor.Client;

/// <summary>
/// The one exception the SDK throws for a failure: <see cref="Error"/> says what kind, the message says what and why in
/// one line. An ingest that fails carries its <see cref="Ingest"/> checkpoint (which batches were confirmed) so the
/// caller can resume. Cancellation is not a failure: it throws <see cref="OperationCanceledException"/>
/// (<see cref="IngestCanceledException"/> for an ingest). A null argument throws <see cref="ArgumentNullException"/>.
/// </summary>
public sealed class StreamClientException : Exception
{
    /// <summary>Creates the exception (for instance in a test double of <see cref="IStreamClient"/>).</summary>
    /// <param name="error">What kind of failure this is.</param>
    /// <param name="message">One line saying what failed and why.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    /// <param name="ingest">Where an ingest stood when it failed, if the failure ended one.</param>
    public StreamClientException(StreamClientError error, string message, Exception? innerException = null, IngestCheckpoint? ingest = null)
        : base(message, innerException)
    {
        Error = error;
        Ingest = ingest;
    }

    /// <summary>What kind of failure this is.</summary>
    public StreamClientError Error { get; }

    /// <summary>Where the ingest stood when it failed (which batches are confirmed); null when the failure did not end an ingest.</summary>
    public IngestCheckpoint? Ingest { get; }
}
