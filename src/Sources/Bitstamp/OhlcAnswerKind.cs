namespace StreamPredictor.Sources.Bitstamp;

/// <summary>How an OHLC request was answered.</summary>
public enum OhlcAnswerKind
{
    /// <summary>A page of bars (possibly empty).</summary>
    Page,

    /// <summary>HTTP 429 or a rate-limit error code: wait (Retry-After when given) and slow down.</summary>
    Throttled,

    /// <summary>A JSON error, an HTML page, an unreadable body or a server error: counted, retried after a back-off.</summary>
    Failed,

    /// <summary>HTTP 404: the pair does not exist there; retrying cannot help.</summary>
    NotFound,
}
