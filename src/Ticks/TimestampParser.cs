using System.Globalization;
using System.Text;

namespace StreamPredictor.Ticks;

/// <summary>Reads a timestamp field: unix seconds, or ISO-8601 in UTC (an explicit offset is converted).</summary>
public static class TimestampParser
{
    /// <summary>2100-01-01T00:00:00Z: later stamps are refused as out of range.</summary>
    public const long MaxSeconds = 4_102_444_800;

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd",
    ];

    /// <summary>Parses a timestamp field (unix seconds or ISO-8601 UTC) into unix seconds; on failure says why.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out long seconds, out BadRowReason reason, out string detail)
    {
        reason = BadRowReason.UnparsableTimestamp;
        if (Utf8Number.TryParseInt64(text, out seconds))
        {
            return CheckRange(seconds, out reason, out detail);
        }

        var iso = Encoding.ASCII.GetString(text);
        if (!DateTimeOffset.TryParseExact(iso, IsoFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            detail = $"'{Shorten(iso)}' is neither unix seconds nor an ISO-8601 UTC time";
            return false;
        }

        if (parsed.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            detail = $"'{iso}' has a fraction of a second; Stream keeps whole seconds";
            return false;
        }

        seconds = parsed.ToUnixTimeSeconds();
        return CheckRange(seconds, out reason, out detail);
    }

    private static bool CheckRange(long seconds, out BadRowReason reason, out string detail)
    {
        reason = BadRowReason.TimestampOutOfRange;
        if (seconds is >= 0 and < MaxSeconds)
        {
            detail = "";
            return true;
        }

        detail = seconds >= MaxSeconds * 10
            ? $"{seconds} is past 2100 as unix seconds (it looks like milliseconds; Stream expects seconds)"
            : $"{seconds} is outside 1970-01-01..2100-01-01 as unix seconds";
        return false;
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
