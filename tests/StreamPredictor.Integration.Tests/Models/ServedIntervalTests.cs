using Xunit.Abstractions;

namespace StreamPredictor.Integration.Tests.Models;

/// <summary>Issue 7 item 19: the intervals as the forecast grain serves them, scored against the days that followed.</summary>
[Collection(ModelsCollection.Name)]
public sealed class ServedIntervalTests(ModelsFixture fixture, ITestOutputHelper output)
{
    private const int Replayed = 300;

    [Fact]
    public async Task The_served_naive_intervals_cover_the_next_days_about_as_often_as_their_levels_say()
    {
        const string symbol = "COVERAGE-1D";
        var ticks = TestModels.DailyTicks(Replayed + 130);
        var (_, first) = await Days.IngestAsync(fixture, symbol, ticks[..130]);
        var served = new List<Forecast> { first };
        for (var i = 130; i < ticks.Length; i++)
        {
            served.Add(await Days.CloseDayAsync(fixture, symbol, ticks[i - 1], ticks[i]));
        }

        // served[k] is based on day 128 + k and is for day 129 + k, whose mean is its one close; the last is for a day not yet seen.
        var scored = new List<(Forecast Forecast, double Actual)>();
        for (var k = 0; k < Replayed; k++)
        {
            Assert.Equal(Days.DayOf(ticks[129 + k]), served[k].ForDate);
            scored.Add((served[k], ticks[129 + k].Close));
        }

        foreach (var level in new[] { 0.8, 0.95 })
        {
            var covered = scored.Count(s => s.Forecast.Intervals.Single(i => i.Level == level).Contains(s.Actual)) / (double)scored.Count;
            var tolerance = 3 * Math.Sqrt(level * (1 - level) / scored.Count);
            output.WriteLine($"{level:P0} intervals served for {scored.Count} days up to {scored[^1].Forecast.ForDate}: coverage {covered:P1}");
            Assert.InRange(covered, level - tolerance, Math.Min(1, level + tolerance));
        }

        Assert.All(served, f => Assert.True(f.Intervals.Single(i => i.Level == 0.95).Upper - f.Intervals.Single(i => i.Level == 0.95).Lower
            > f.Intervals.Single(i => i.Level == 0.8).Upper - f.Intervals.Single(i => i.Level == 0.8).Lower, "95 % wider than 80 %"));
    }
}
