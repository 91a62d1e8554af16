namespace StreamPredictor.Client;

/// <summary>What kind of failure a <see cref="StreamClientException"/> reports.</summary>
public enum StreamClientError
{
    /// <summary>The call was refused before anything was sent (a bad symbol, request, setting or file), or the cluster refused it as invalid.</summary>
    InvalidRequest = 0,

    /// <summary>The cluster could not be reached or did not answer in time.</summary>
    Unavailable = 1,

    /// <summary>Ingested batches were not confirmed as stored within <see cref="StreamClientOptions.ConfirmationTimeout"/>.</summary>
    NotConfirmed = 2,

    /// <summary>The tick source (a file or the caller's sequence) failed while it was being read.</summary>
    SourceFailed = 3,

    /// <summary>The cluster failed while handling the call.</summary>
    ServerError = 4,
}
