using System.Globalization;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Api.Ingest;

/// <summary>
/// The SDK's rules (<see cref="TickRules.Reject"/>) applied to one uploaded row, with the field to blame: the
/// grains would count such a tick as rejected, the API refuses the whole upload instead and says where.
/// </summary>
public static class TickRowCheck
{
    public static TickRowError? Check(in Tick tick, long row)
    {
        if (TickRules.Reject(tick) is not { } reason)
        {
            return null;
        }

        var (field, detail) = Blame(tick, reason);
        return new TickRowError(row, field, reason.ToString(), detail);
    }

    private static (string? Field, string Detail) Blame(in Tick tick, TickRejectReason reason)
    {
        (string Name, double Value)[] values =
            [("open", tick.Open), ("high", tick.High), ("low", tick.Low), ("close", tick.Close), ("volume", tick.Volume)];
        var prices = values[..4];
        return reason switch
        {
            TickRejectReason.TimestampOutOfRange => ("timestamp", $"{tick.Timestamp} is outside 1970-01-01..2100-01-01 as unix seconds"),
            TickRejectReason.NotFinite => First(values, v => !double.IsFinite(v), "is not a finite number"),
            TickRejectReason.NonPositivePrice => First(prices, v => v <= 0, "is not a positive price"),
            TickRejectReason.HighBelowLow => ("high", $"high {Format(tick.High)} is below low {Format(tick.Low)}"),
            TickRejectReason.NegativeVolume => ("volume", $"volume {Format(tick.Volume)} is negative"),
            TickRejectReason.TooLarge => First(values, v => Math.Abs(v) > TickRules.MaxValue, $"is beyond {Format(TickRules.MaxValue)}"),
            _ => (null, $"refused ({reason})"),
        };
    }

    private static (string? Field, string Detail) First((string Name, double Value)[] values, Func<double, bool> bad, string what)
    {
        foreach (var (name, value) in values)
        {
            if (bad(value))
            {
                return (name, $"{Format(value)} {what}");
            }
        }

        return (null, what);
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
