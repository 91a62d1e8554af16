using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Ticks;

/// <summary>The checks every tick must pass before a market grain counts it; the SDK applies the same ones before sending.</summary>
public static class TickRules
{
    /// <summary>
    /// The largest price or volume a tick may carry: 1e14. A day holds at most 86,400 ticks (one a second), and its
    /// closes and volumes are summed exactly in 128-bit fixed point with 63 integer bits (about 9.22e18), so
    /// 86,400 values of at most 1e14 (8.64e18) can never overflow. The file reader and the SDK's rules both use it.
    /// </summary>
    public const double MaxValue = 1e14;

    /// <summary>Why the tick is refused, or null when it is fine.</summary>
    public static TickRejectReason? Reject(in Tick tick)
    {
        if (tick.Timestamp is < 0 or >= TimestampParser.MaxSeconds)
        {
            return TickRejectReason.TimestampOutOfRange;
        }

        if (!double.IsFinite(tick.Open) || !double.IsFinite(tick.High) || !double.IsFinite(tick.Low) || !double.IsFinite(tick.Close)
            || !double.IsFinite(tick.Volume))
        {
            return TickRejectReason.NotFinite;
        }

        if (tick.Open <= 0 || tick.High <= 0 || tick.Low <= 0 || tick.Close <= 0)
        {
            return TickRejectReason.NonPositivePrice;
        }

        if (tick.High < tick.Low)
        {
            return TickRejectReason.HighBelowLow;
        }

        return tick.Volume < 0 ? TickRejectReason.NegativeVolume : null;
    }
}
