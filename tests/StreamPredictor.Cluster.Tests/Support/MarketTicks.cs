namespace StreamPredictor.Cluster.Tests.Support;

/// <summary>Three UTC days of four one-minute ticks each, with daily figures worked out by hand.</summary>
public static class MarketTicks
{
    private static readonly long FirstDay = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>Day d (0..2), minute m (0..3): close = 100(d+1) + (d+1)m, open = close - 0.5, high/low = close ± 1, volume = m + 1.</summary>
    public static TickBatch ThreeDays(string symbol) => new(symbol, [.. Enumerable.Range(0, 3).SelectMany(Day)]);

    /// <summary>The first two days closed (a later day arrived), the third still open.</summary>
    public static DailyBar[] ExpectedDays { get; } =
    [
        new(new DateOnly(2024, 3, 1), MeanClose: 101.5, Ticks: 4, Open: 99.5, High: 104, Low: 99, Close: 103, Volume: 10),
        new(new DateOnly(2024, 3, 2), MeanClose: 203, Ticks: 4, Open: 199.5, High: 207, Low: 199, Close: 206, Volume: 10),
        new(new DateOnly(2024, 3, 3), MeanClose: 304.5, Ticks: 4, Open: 299.5, High: 310, Low: 299, Close: 309, Volume: 10),
    ];

    private static IEnumerable<Tick> Day(int day) => Enumerable.Range(0, 4).Select(minute =>
    {
        var close = (100.0 * (day + 1)) + ((day + 1) * minute);
        return new Tick(FirstDay + (day * Tick.SecondsPerDay) + (minute * 60), close - 0.5, close + 1, close - 1, close, minute + 1);
    });
}
