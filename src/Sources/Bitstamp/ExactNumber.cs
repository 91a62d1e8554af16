using System.Globalization;
using System.Text.Json;
using StreamPredictor.Sources.Monitoring;
using StreamPredictor.Ticks;

namespace StreamPredictor.Sources.Bitstamp;

/// <summary>Reads the exchange's decimal strings exactly and checks them against the bounds a tick may carry.</summary>
internal static class ExactNumber
{
    private const NumberStyles Decimal = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign;
    private static readonly decimal MaxValue = (decimal)TickRules.MaxValue;

    /// <summary>A positive decimal from a JSON string (or number), or the reason it is not one.</summary>
    public static bool TryPositive(JsonElement element, string unparsable, string notPositive, string outOfRange, out decimal value, out string? reason)
    {
        reason = !TryDecimal(element, out value) ? unparsable
            : value <= 0 ? notPositive
            : value > MaxValue ? outOfRange
            : null;
        return reason is null;
    }

    /// <summary>A decimal from a JSON string (plain digits, a point, an optional sign) or a JSON number.</summary>
    public static bool TryDecimal(JsonElement element, out decimal value)
    {
        value = 0;
        return element.ValueKind switch
        {
            JsonValueKind.String => decimal.TryParse(element.GetString(), Decimal, CultureInfo.InvariantCulture, out value),
            JsonValueKind.Number => element.TryGetDecimal(out value),
            _ => false,
        };
    }

    /// <summary>Whether <paramref name="value"/> is within what a tick may carry (at most 1e14).</summary>
    public static bool InRange(decimal value) => value <= MaxValue;

    /// <summary>A whole number from a JSON number or a string of digits.</summary>
    public static bool TryInteger(JsonElement element, out long value)
    {
        value = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out value),
            JsonValueKind.String => long.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }
}
