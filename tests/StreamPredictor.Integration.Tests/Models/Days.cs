namespace StreamPredictor.Integration.Tests.Models;

/// <summary>Feeding a symbol whole days of the daily file through the SDK, and waiting for the forecast that follows.</summary>
public static class Days
{
    /// <summary>Ingests the daily file's last <paramref name="count"/> days (the last stays open) and waits for the naive forecast of the last closed one.</summary>
    public static Task<(Tick[] Ticks, Forecast Forecast)> IngestAsync(ModelsFixture fixture, string symbol, int count) =>
        IngestAsync(fixture, symbol, TestModels.DailyTicks(count));

    /// <summary>Ingests one tick a day (the last day stays open) and waits for the naive forecast of the last closed one.</summary>
    public static async Task<(Tick[] Ticks, Forecast Forecast)> IngestAsync(ModelsFixture fixture, string symbol, Tick[] ticks)
    {
        await fixture.Client.IngestAsync(symbol, ticks);
        var forecast = await ForecastBasedOnAsync(fixture, symbol, DayOf(ticks[^2]));
        return (ticks, forecast);
    }

    /// <summary>Sends one tick on the day after <paramref name="last"/>'s, closing that day; waits for the forecast based on it.</summary>
    public static async Task<Forecast> CloseDayAsync(ModelsFixture fixture, string symbol, Tick last, Tick next)
    {
        await fixture.Client.IngestAsync(symbol, [next]);
        return await ForecastBasedOnAsync(fixture, symbol, DayOf(last));
    }

    public static async Task<Forecast> ForecastBasedOnAsync(ModelsFixture fixture, string symbol, DateOnly day) =>
        (await Eventually.ReturnsAsync(() => fixture.Client.GetForecastAsync(symbol), f => f?.BasedOn == day, $"{symbol}'s forecast based on {day}"))!;

    public static DateOnly DayOf(Tick tick) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(tick.Timestamp).UtcDateTime);
}
