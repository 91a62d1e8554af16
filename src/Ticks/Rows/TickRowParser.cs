using System.Globalization;
using System.Text;
using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Ticks.Rows;

/// <summary>
/// Turns one data row of a <see cref="TickLayout"/> into a <see cref="Tick"/>, or says why it cannot. What
/// "missing" means, in both layouts: <c>NaN</c> (any case) is the explicit no-value marker, and a row whose close
/// is <c>NaN</c> is a minute without trades (skipped and counted); <c>NaN</c> in a price or the volume of a row
/// that has a close is refused. An empty field is never a value: the row is damaged (a line cut short), in every
/// column, used or not.
/// </summary>
internal sealed class TickRowParser
{
    private static readonly string MaxValueText = TickRules.MaxValue.ToString("0.##E+0", CultureInfo.InvariantCulture);

    private readonly TickLayout _layout;
    private readonly FieldRole[] _roles;

    public TickRowParser(TickLayout layout)
    {
        _layout = layout;
        _roles = new FieldRole[layout.FieldCount];
        _roles[0] = FieldRole.Timestamp;
        _roles[layout.OpenField] = FieldRole.Open;
        _roles[layout.HighField] = FieldRole.High;
        _roles[layout.LowField] = FieldRole.Low;
        _roles[layout.CloseField] = FieldRole.Close;
        _roles[layout.VolumeField] = FieldRole.Volume;
    }

    public RowOutcome Parse(ReadOnlySpan<byte> line, out Tick tick, out RowError error)
    {
        tick = default;
        if (!TrySplit(line, out var fields, out error))
        {
            return RowOutcome.Bad;
        }

        if (Utf8Number.IsMissing(fields.Close))
        {
            return RowOutcome.NoTrade;
        }

        if (!TimestampParser.TryParse(fields.Timestamp, out var timestamp, out var timestampReason, out var timestampDetail))
        {
            error = new RowError(timestampReason, 0, timestampDetail);
            return RowOutcome.Bad;
        }

        if (!TryPrice(fields.Open, _layout.OpenField, out var open, out error)
            || !TryPrice(fields.High, _layout.HighField, out var high, out error)
            || !TryPrice(fields.Low, _layout.LowField, out var low, out error)
            || !TryPrice(fields.Close, _layout.CloseField, out var close, out error)
            || !TryVolume(fields.Volume, _layout.VolumeField, out var volume, out error))
        {
            return RowOutcome.Bad;
        }

        if (high < low)
        {
            error = new RowError(BadRowReason.HighBelowLow, _layout.HighField, $"high {Format(high)} is below low {Format(low)}");
            return RowOutcome.Bad;
        }

        tick = new Tick(timestamp, open, high, low, close, volume);
        return RowOutcome.Tick;
    }

    /// <summary>Takes the row's fields by role; refuses a row with the wrong number of fields or an empty one.</summary>
    private bool TrySplit(ReadOnlySpan<byte> line, out RowFields fields, out RowError error)
    {
        fields = default;
        error = default;
        var expected = _roles.Length;
        var cursor = new FieldCursor(line);
        int? firstEmpty = null;
        while (cursor.Index <= expected && cursor.TryNext(out var text))
        {
            var index = cursor.Index - 1;
            if (index == expected)
            {
                break;
            }

            if (text.IsEmpty)
            {
                firstEmpty ??= index;
            }

            fields.Set(_roles[index], text);
        }

        if (cursor.Index != expected)
        {
            var more = cursor.Index > expected;
            error = new RowError(BadRowReason.WrongFieldCount, null,
                $"{(more ? "more than" : "only")} {Math.Min(cursor.Index, expected)} fields where the {_layout.Name} layout has {expected} ({_layout.Header})");
            return false;
        }

        if (firstEmpty is { } empty)
        {
            error = new RowError(BadRowReason.EmptyField, empty, "empty (a damaged row, or a line cut short); write NaN for a missing value");
            return false;
        }

        return true;
    }

    private static bool TryPrice(ReadOnlySpan<byte> text, int field, out double value, out RowError error)
    {
        if (!TryNumber(text, field, out value, out error))
        {
            return false;
        }

        if (value <= 0)
        {
            error = new RowError(BadRowReason.NonPositivePrice, field, $"price {Text(text)} is not positive");
            return false;
        }

        return CheckBound(text, field, value, out error);
    }

    private static bool TryVolume(ReadOnlySpan<byte> text, int field, out double value, out RowError error)
    {
        if (!TryNumber(text, field, out value, out error))
        {
            return false;
        }

        if (value < 0)
        {
            error = new RowError(BadRowReason.NegativeVolume, field, $"volume {Text(text)} is negative");
            return false;
        }

        return CheckBound(text, field, value, out error);
    }

    private static bool TryNumber(ReadOnlySpan<byte> text, int field, out double value, out RowError error)
    {
        error = default;
        if (Utf8Number.IsMissing(text))
        {
            value = 0;
            error = new RowError(BadRowReason.MissingValue, field, "NaN while the row has a close");
            return false;
        }

        if (!Utf8Number.TryParseDouble(text, out value) || !double.IsFinite(value))
        {
            error = new RowError(BadRowReason.UnparsableNumber, field, $"'{Text(text)}' is not a finite number");
            return false;
        }

        return true;
    }

    private static bool CheckBound(ReadOnlySpan<byte> text, int field, double value, out RowError error)
    {
        error = default;
        if (value <= TickRules.MaxValue)
        {
            return true;
        }

        error = new RowError(BadRowReason.TooLarge, field,
            $"{Text(text)} is above {MaxValueText}, the largest price or volume a day's exact sums can hold");
        return false;
    }

    private static string Text(ReadOnlySpan<byte> text) => TimestampParser.Shorten(Encoding.UTF8.GetString(text));

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
