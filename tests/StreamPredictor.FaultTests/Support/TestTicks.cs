using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.FaultTests.Support;

/// <summary>Small batches of one-minute ticks for checks that data flows.</summary>
public static class TestTicks
{
    private static readonly long FirstMinute = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary><paramref name="count"/> ticks, one a minute from <paramref name="offsetMinutes"/> minutes after 2024-03-01.</summary>
    public static Tick[] Minutes(int count, int offsetMinutes = 0) => [.. Enumerable.Range(offsetMinutes, count).Select(m =>
        new Tick(FirstMinute + (m * 60L), 100 + m, 101 + m, 99 + m, 100.5 + m, 1))];
}
