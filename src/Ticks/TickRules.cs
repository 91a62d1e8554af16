using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Ticks;

/// <summary>The checks a tick sent through the SDK must pass; the names match the file reader's reasons.</summary>
public static class TickRules
{
    public const string TooLate = "TooLate";

    /// <summary>
    /// The largest price or volume a tick may carry: 1e14. A day holds at most 86,400 ticks (one a second), and its
    /// closes and volumes are summed exactly in 128-bit fixed point with 63 integer bits (about 9.22e18), so
    /// 86,400 values of at most 1e14 (8.64e18) can never overflow. The file reader and the SDK's rules both use it.
    /// </summary>
    public const double MaxValue = 1e14;

    /// <summary>Why the tick is refused, or null when it is fine.</summary>
    public static string? Reject(in Tick tick)
    {
        if (tick.Timestamp is < 0 or >= TimestampParser.MaxSeconds)
        {
            return nameof(BadRowReason.TimestampOutOfRange);
        }

        if (!double.IsFinite(tick.Open) || !double.IsFinite(tick.High) || !double.IsFinite(tick.Low) || !double.IsFinite(tick.Close)
            || !double.IsFinite(tick.Volume))
        {
            return nameof(BadRowReason.UnparsableNumber);
        }

        if (tick.Open <= 0 || tick.High <= 0 || tick.Low <= 0 || tick.Close <= 0)
        {
            return nameof(BadRowReason.NonPositivePrice);
        }

        if (tick.High < tick.Low)
        {
            return nameof(BadRowReason.HighBelowLow);
        }

        return tick.Volume < 0 ? nameof(BadRowReason.NegativeVolume) : null;
    }
}
