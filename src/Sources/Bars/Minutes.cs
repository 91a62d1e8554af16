namespace StreamPredictor.Sources.Bars;

/// <summary>Minute arithmetic on unix seconds.</summary>
public static class Minutes
{
    public const long Seconds = 60;

    /// <summary>2100-01-01 in unix seconds: the end of the timestamps ticks may carry, as in tick files.</summary>
    public const long EndOfTime = 4_102_444_800;

    /// <summary>The start of the minute that holds <paramref name="unixSeconds"/>.</summary>
    public static long Floor(long unixSeconds) => Tick.FloorDiv(unixSeconds, Seconds) * Seconds;

    /// <summary>The start of the minute that holds <paramref name="time"/>.</summary>
    public static long Floor(DateTimeOffset time) => Floor(time.ToUnixTimeSeconds());

    public static DateTimeOffset ToTime(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
}
