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

    /// <summary>Why the last row <see cref="Parse"/> called <see cref="RowOutcome.Bad"/> was refused.</summary>
    public RowError Error { get; private set; }

    public RowOutcome Parse(ReadOnlySpan<byte> line, out Tick tick)
    {
        tick = default;
        if (!TrySplit(line, out var fields))
        {
            return RowOutcome.Bad;
        }

        if (Utf8Number.IsMissing(fields.Close))
        {
            return RowOutcome.NoTrade;
        }

        if (!TimestampParser.TryParse(fields.Timestamp, out var timestamp, out var timestampReason, out var timestampDetail))
        {
            return Refuse(new RowError(timestampReason, 0, timestampDetail));
        }

        ValueProblem problem;
        if ((problem = ReadPrice(fields.Open, out var open)) != ValueProblem.None)
        {
            return Refuse(problem, _layout.OpenField, fields.Open);
        }

        if ((problem = ReadPrice(fields.High, out var high)) != ValueProblem.None)
        {
            return Refuse(problem, _layout.HighField, fields.High);
        }

        if ((problem = ReadPrice(fields.Low, out var low)) != ValueProblem.None)
        {
            return Refuse(problem, _layout.LowField, fields.Low);
        }

        if ((problem = ReadPrice(fields.Close, out var close)) != ValueProblem.None)
        {
            return Refuse(problem, _layout.CloseField, fields.Close);
        }

        if ((problem = ReadVolume(fields.Volume, out var volume)) != ValueProblem.None)
        {
            return Refuse(problem, _layout.VolumeField, fields.Volume);
        }

        if (high < low)
        {
            return Refuse(new RowError(BadRowReason.HighBelowLow, _layout.HighField, $"high {Format(high)} is below low {Format(low)}"));
        }

        tick = new Tick(timestamp, open, high, low, close, volume);
        return RowOutcome.Tick;
    }

    /// <summary>Takes the row's fields by role; refuses a row with the wrong number of fields or an empty one.</summary>
    private bool TrySplit(ReadOnlySpan<byte> line, out RowFields fields)
    {
        fields = default;
        var roles = _roles;
        var cursor = new FieldCursor(line);
        var count = 0;
        var firstEmpty = -1;
        while (cursor.TryNext(out var text))
        {
            if (count == roles.Length)
            {
                count++;
                break;
            }

            if (text.IsEmpty && firstEmpty < 0)
            {
                firstEmpty = count;
            }

            fields.Set(roles[count], text);
            count++;
        }

        if (count != roles.Length)
        {
            Refuse(new RowError(BadRowReason.WrongFieldCount, null,
                $"{(count > roles.Length ? "more than" : "only")} {Math.Min(count, roles.Length)} fields where the {_layout.Name} layout has {roles.Length} ({_layout.Header})"));
            return false;
        }

        if (firstEmpty >= 0)
        {
            Refuse(new RowError(BadRowReason.EmptyField, firstEmpty, "empty (a damaged row, or a line cut short); write NaN for a missing value"));
            return false;
        }

        return true;
    }

    private static ValueProblem ReadPrice(ReadOnlySpan<byte> text, out double value)
    {
        var problem = ReadNumber(text, out value);
        return problem != ValueProblem.None ? problem
            : value <= 0 ? ValueProblem.NotPositive
            : value > TickRules.MaxValue ? ValueProblem.TooLarge
            : ValueProblem.None;
    }

    private static ValueProblem ReadVolume(ReadOnlySpan<byte> text, out double value)
    {
        var problem = ReadNumber(text, out value);
        return problem != ValueProblem.None ? problem
            : value < 0 ? ValueProblem.Negative
            : value > TickRules.MaxValue ? ValueProblem.TooLarge
            : ValueProblem.None;
    }

    private static ValueProblem ReadNumber(ReadOnlySpan<byte> text, out double value)
    {
        if (Utf8Number.IsMissing(text))
        {
            value = 0;
            return ValueProblem.Missing;
        }

        return Utf8Number.TryParseDouble(text, out value) && double.IsFinite(value) ? ValueProblem.None : ValueProblem.Unparsable;
    }

    /// <summary>Refuses the row for a price or volume, with what was found in the field.</summary>
    private RowOutcome Refuse(ValueProblem problem, int field, ReadOnlySpan<byte> text)
    {
        var shown = Text(text);
        return Refuse(problem switch
        {
            ValueProblem.Missing => new RowError(BadRowReason.MissingValue, field, "NaN while the row has a close"),
            ValueProblem.NotPositive => new RowError(BadRowReason.NonPositivePrice, field, $"price {shown} is not positive"),
            ValueProblem.Negative => new RowError(BadRowReason.NegativeVolume, field, $"volume {shown} is negative"),
            ValueProblem.TooLarge => new RowError(BadRowReason.TooLarge, field,
                $"{shown} is above {MaxValueText}, the largest price or volume a day's exact sums can hold"),
            _ => new RowError(BadRowReason.UnparsableNumber, field, $"'{shown}' is not a finite number"),
        });
    }

    private RowOutcome Refuse(RowError error)
    {
        Error = error;
        return RowOutcome.Bad;
    }

    private static string Text(ReadOnlySpan<byte> text) => TimestampParser.Shorten(Encoding.UTF8.GetString(text));

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
