namespace StreamPredictor.Sources.Monitoring;

/// <summary>
/// Why a source refused a message, a trade, a bar or a file row. These names are the <c>reason</c> tag of the
/// <c>stream.source.bad_input</c> counter and appear in the status line; never rename one.
/// </summary>
public static class BadInput
{
    /// <summary>A WebSocket message that is not JSON, or not the shape the protocol documents.</summary>
    public const string MalformedJson = "malformed-json";

    /// <summary>An event name the source does not know.</summary>
    public const string UnknownEvent = "unknown-event";

    /// <summary>A trade on a channel the source did not subscribe to.</summary>
    public const string UnknownChannel = "unknown-channel";

    /// <summary>The exchange reported an error on the socket (Bitstamp's <c>bts:error</c>).</summary>
    public const string ExchangeError = "exchange-error";

    public const string BadTradeId = "bad-trade-id";

    /// <summary>A timestamp that is missing, unparsable or outside 1970–2100.</summary>
    public const string BadTimestamp = "bad-timestamp";

    /// <summary>A timestamp further ahead of the clock than the allowed tolerance.</summary>
    public const string FutureTimestamp = "future-timestamp";

    public const string PriceUnparsable = "price-unparsable";

    public const string PriceNotPositive = "price-not-positive";

    public const string PriceOutOfRange = "price-out-of-range";

    public const string AmountUnparsable = "amount-unparsable";

    public const string AmountNotPositive = "amount-not-positive";

    public const string AmountOutOfRange = "amount-out-of-range";

    /// <summary>A REST answer whose JSON body is an error (or a non-success status with a JSON body).</summary>
    public const string RestErrorBody = "rest-error-body";

    /// <summary>A REST answer that is an HTML page (a proxy's or CDN's error page).</summary>
    public const string RestHtml = "rest-html";

    /// <summary>A REST answer that is neither the documented JSON nor HTML.</summary>
    public const string RestMalformed = "rest-malformed";

    /// <summary>An OHLC bar with unparsable, non-positive or inconsistent values, or a bad timestamp.</summary>
    public const string RestBadBar = "rest-bad-bar";

    /// <summary>A row of a replayed tick file that failed validation (the file reader's reason follows).</summary>
    public const string FileRowPrefix = "file-";

    /// <summary>A tick refused by the last check before publishing (<c>TickRules</c>; the rule's name follows).</summary>
    public const string InvalidTickPrefix = "invalid-tick-";
}
