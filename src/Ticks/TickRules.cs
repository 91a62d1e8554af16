using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Ticks;

/// <summary>The checks a tick sent through the SDK must pass; the names match the file reader's reasons.</summary>
public static class TickRules
{
    public const string TooLate = "TooLate";

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
