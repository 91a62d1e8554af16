namespace StreamPredictor.Abstractions.Market;

/// <summary>One minute bar (or trade) of one symbol, stamped in UTC unix seconds.</summary>
/// <param name="Timestamp">The bar's (or trade's) time in UTC unix seconds.</param>
/// <param name="Open">The first price.</param>
/// <param name="High">The highest price.</param>
/// <param name="Low">The lowest price.</param>
/// <param name="Close">The last price: a day's mean close is the mean of these.</param>
/// <param name="Volume">The volume traded (0 when unknown).</param>
[GenerateSerializer, Immutable, Alias("stream.tick")]
public readonly record struct Tick(
    [property: Id(0)] long Timestamp,
    [property: Id(1)] double Open,
    [property: Id(2)] double High,
    [property: Id(3)] double Low,
    [property: Id(4)] double Close,
    [property: Id(5)] double Volume)
{
    /// <summary>Seconds in a UTC day.</summary>
    public const int SecondsPerDay = 86_400;

    /// <summary>The UTC day this tick belongs to, as days since 1970-01-01.</summary>
    public long DayNumber => FloorDiv(Timestamp, SecondsPerDay);

    /// <summary>The UTC day this tick belongs to.</summary>
    public DateOnly Date => DateOf(DayNumber);

    /// <summary>Integer division rounding towards negative infinity (days before 1970 stay negative).</summary>
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
