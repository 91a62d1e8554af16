using System.Buffers.Text;
using System.Globalization;

namespace StreamPredictor.Ticks;

/// <summary>Number parsing over UTF-8 bytes, exact and fast for the short decimals price files hold.</summary>
public static class Utf8Number
{
    private const ulong MaxExactMantissa = 1UL << 53;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>True for the spellings of a missing value: NaN in any case, or an empty field.</summary>
    public static bool IsMissing(ReadOnlySpan<byte> text) =>
        text.IsEmpty || (text.Length == 3 && (text[0] | 0x20) == 'n' && (text[1] | 0x20) == 'a' && (text[2] | 0x20) == 'n');

    /// <summary>
    /// Parses a decimal number. Mantissas below 2^53 with at most 22 decimals are converted with one
    /// correctly rounded multiplication or division (both operands exact), so the result equals the
    /// correctly rounded value; anything else goes to the framework's parser.
    /// </summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> text, out double value)
    {
        var i = 0;
        var negative = false;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            negative = text[i] == '-';
            i++;
        }

        ulong mantissa = 0;
        var digits = 0;
        var fractionDigits = 0;
        for (; i < text.Length && IsDigit(text[i]); i++)
        {
            mantissa = (mantissa * 10) + (uint)(text[i] - '0');
            digits++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            for (; i < text.Length && IsDigit(text[i]); i++)
            {
                mantissa = (mantissa * 10) + (uint)(text[i] - '0');
                digits++;
                fractionDigits++;
            }
        }

        if (i == text.Length && digits is > 0 and <= 19 && mantissa <= MaxExactMantissa && fractionDigits <= 22)
        {
            var magnitude = fractionDigits == 0 ? mantissa : mantissa / PowersOfTen[fractionDigits];
            value = negative ? -magnitude : magnitude;
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses an optionally signed whole number.</summary>
    public static bool TryParseInt64(ReadOnlySpan<byte> text, out long value) =>
        Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length;

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
