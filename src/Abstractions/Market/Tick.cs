namespace StreamPredictor.Abstractions.Market;

/// <summary>One minute bar (or trade) of one symbol, stamped in UTC unix seconds.</summary>
[GenerateSerializer, Immutable, Alias("stream.tick")]
public readonly record struct Tick(
    [property: Id(0)] long Timestamp,
    [property: Id(1)] double Open,
    [property: Id(2)] double High,
    [property: Id(3)] double Low,
    [property: Id(4)] double Close,
    [property: Id(5)] double Volume)
{
    public const int SecondsPerDay = 86_400;

    /// <summary>The UTC day this tick belongs to, as days since 1970-01-01.</summary>
    public long DayNumber => FloorDiv(Timestamp, SecondsPerDay);

    public DateOnly Date => DateOf(DayNumber);

    public static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return value % divisor < 0 ? quotient - 1 : quotient;
    }

    /// <summary>The date of a day number (days since 1970-01-01).</summary>
    public static DateOnly DateOf(long dayNumber) => DateOnly.FromDayNumber(UnixEpochDayNumber + (int)dayNumber);

    /// <summary>The day number (days since 1970-01-01) of a date.</summary>
    public static long DayNumberOf(DateOnly date) => date.DayNumber - UnixEpochDayNumber;

    private static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;
}
