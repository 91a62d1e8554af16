using System.Net;
using System.Text;
using System.Text.Json;
using StreamPredictor.Sources.Bars;
using StreamPredictor.Sources.Monitoring;

namespace StreamPredictor.Sources.Bitstamp;

/// <summary>
/// Reads Bitstamp's <c>/api/v2/ohlc/{pair}/</c> answers: <c>{"data":{"pair":…,"ohlc":[{"timestamp","open","high",
/// "low","close","volume"},…]}}</c> with every value a string. Bars with zero volume (minutes without trades) are
/// left out, as the socket never makes one; invalid bars are refused one by one. Error bodies, HTML pages and
/// throttling answers are told apart so they can be counted and retried.
/// </summary>
public static class OhlcParser
{
    /// <summary>Rate-limit codes Bitstamp documents in error bodies.</summary>
    private static readonly string[] ThrottleCodes = ["400.002", "400.067", "400.068"];

    /// <param name="latestSeconds">The latest bar start accepted (the clock plus the allowed tolerance).</param>
    public static OhlcAnswer Parse(HttpStatusCode status, string? mediaType, ReadOnlySpan<byte> body, TimeSpan? retryAfter, long latestSeconds)
    {
        if (IsHtml(mediaType, body))
        {
            return status == HttpStatusCode.TooManyRequests
                ? OhlcAnswer.Failure(OhlcAnswerKind.Throttled, BadInput.RestHtml, Describe(status), retryAfter)
                : OhlcAnswer.Failure(OhlcAnswerKind.Failed, BadInput.RestHtml, Describe(status), retryAfter);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException)
        {
            var kind = status == HttpStatusCode.TooManyRequests ? OhlcAnswerKind.Throttled : OhlcAnswerKind.Failed;
            return OhlcAnswer.Failure(kind, BadInput.RestMalformed, Describe(status), retryAfter);
        }

        using (document)
        {
            var root = document.RootElement;
            var error = ErrorText(root);
            if (status == HttpStatusCode.TooManyRequests || (error is not null && ThrottleCodes.Any(error.Contains)))
            {
                return OhlcAnswer.Failure(OhlcAnswerKind.Throttled, null, error ?? Describe(status), retryAfter);
            }

            if (status == HttpStatusCode.NotFound)
            {
                return OhlcAnswer.Failure(OhlcAnswerKind.NotFound, BadInput.RestErrorBody, error ?? Describe(status));
            }

            if (error is not null || (int)status is < 200 or > 299)
            {
                return OhlcAnswer.Failure(OhlcAnswerKind.Failed, BadInput.RestErrorBody, error ?? Describe(status), retryAfter);
            }

            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("ohlc", out var ohlc) && ohlc.ValueKind == JsonValueKind.Array
                ? ReadPage(ohlc, latestSeconds)
                : OhlcAnswer.Failure(OhlcAnswerKind.Failed, BadInput.RestMalformed, "no data.ohlc array");
        }
    }

    private static OhlcAnswer ReadPage(JsonElement ohlc, long latestSeconds)
    {
        var bars = new List<Tick>(ohlc.GetArrayLength());
        var refused = new List<string>();
        long? newest = null;
        foreach (var entry in ohlc.EnumerateArray())
        {
            var reason = ReadBar(entry, latestSeconds, out var bar, out var timestamp);
            if (timestamp is { } t)
            {
                newest = Math.Max(newest ?? long.MinValue, t);
            }

            if (reason is not null)
            {
                refused.Add(reason);
            }
            else if (bar.Volume > 0)
            {
                bars.Add(bar);
            }
        }

        bars.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
        return new OhlcAnswer(OhlcAnswerKind.Page, bars, ohlc.GetArrayLength(), newest, refused);
    }

    private static string? ReadBar(JsonElement entry, long latestSeconds, out Tick bar, out long? timestamp)
    {
        bar = default;
        timestamp = null;
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("timestamp", out var t) || !ExactNumber.TryInteger(t, out var seconds))
        {
            return BadInput.RestBadBar;
        }

        timestamp = seconds;
        if (seconds % Minutes.Seconds != 0 || seconds >= Minutes.EndOfTime || seconds > latestSeconds)
        {
            return BadInput.RestBadBar;
        }

        if (!Price(entry, "open", out var open) || !Price(entry, "high", out var high) || !Price(entry, "low", out var low) || !Price(entry, "close", out var close)
            || !entry.TryGetProperty("volume", out var v) || !TryVolume(v, out var volume))
        {
            return BadInput.RestBadBar;
        }

        if (high < low || high < open || high < close || low > open || low > close)
        {
            return BadInput.RestBadBar;
        }

        bar = new Tick(seconds, (double)open, (double)high, (double)low, (double)close, (double)volume);
        return null;
    }

    private static bool Price(JsonElement entry, string name, out decimal value)
    {
        value = 0;
        return entry.TryGetProperty(name, out var element) && ExactNumber.TryDecimal(element, out value) && value > 0 && ExactNumber.InRange(value);
    }

    /// <summary>Zero is a valid volume here: a minute without trades, which the caller leaves out.</summary>
    private static bool TryVolume(JsonElement element, out decimal volume) =>
        ExactNumber.TryDecimal(element, out volume) && volume >= 0 && ExactNumber.InRange(volume);

    private static bool IsHtml(string? mediaType, ReadOnlySpan<byte> body)
    {
        if (mediaType is not null && mediaType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var trimmed = body.TrimStart(" \t\r\n"u8);
        return trimmed.Length > 0 && trimmed[0] == (byte)'<';
    }

    /// <summary>The error text of a Bitstamp error body (<c>status: error</c>, <c>errors</c>, <c>code</c>/<c>reason</c>), or null.</summary>
    private static string? ErrorText(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return root.ValueKind == JsonValueKind.Array ? null : "not an object";
        }

        var isError = (root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String && status.GetString() == "error")
            || root.TryGetProperty("errors", out _)
            || (!root.TryGetProperty("data", out _) && (root.TryGetProperty("code", out _) || root.TryGetProperty("reason", out _) || root.TryGetProperty("message", out _)));
        if (!isError)
        {
            return null;
        }

        var text = root.GetRawText();
        return text.Length <= 300 ? text : text[..300];
    }

    private static string Describe(HttpStatusCode status) =>
        new StringBuilder("HTTP ").Append((int)status).Append(' ').Append(status).ToString();
}
