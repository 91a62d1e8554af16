using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Integration.Tests.Models;

/// <summary>
/// Issue 8's activation rule end to end: on a daily-only file (one tick a day) the day's last close is its mean, so
/// <c>last</c> equals naive, does not beat it, and naive keeps making the forecasts; on intraday data it does beat it.
/// </summary>
[Collection(ModelsCollection.Name)]
public sealed class DailyOnlyActivationTests(ModelsFixture fixture)
{
    [Fact]
    public async Task On_daily_only_data_last_ties_naive_and_naive_stays_active()
    {
        const string symbol = "DAILY-ONLY";
        await fixture.Client.IngestAsync(symbol, TickFiles.Ticks(SharedData.Daily).TakeLast(200));

        var status = await fixture.Client.TrainAsync(symbol, new TrainingRequest("last", HeldOutDays: 60));

        Assert.Equal(TrainingState.Completed, status.State);
        var version = status.Result!;
        Assert.Equal(version.NaiveMae, version.Mae, 9);
        Assert.Equal(1.0, version.Mase, 9);
        Assert.DoesNotContain(await fixture.Client.GetModelsAsync(symbol), v => v.Active);
        var forecast = await fixture.Client.RefreshForecastAsync(symbol);
        Assert.Equal(("naive", 0), (forecast!.Model, forecast.ModelVersion));
    }

    [Fact]
    public async Task On_intraday_data_last_beats_naive_and_becomes_active()
    {
        const string symbol = "INTRADAY-LAST";
        await fixture.Client.IngestAsync(symbol, TickFiles.Ticks(SharedData.BitstampHourly).OrderBy(t => t.Timestamp).Take(24 * 120));

        var status = await fixture.Client.TrainAsync(symbol, new TrainingRequest("last", HeldOutDays: 30));

        var version = status.Result!;
        Assert.True(version.Mase < 1, $"last's MASE on hourly data: {version.Mase}");
        Assert.True((await fixture.Client.GetModelsAsync(symbol)).Single(v => v.Version == version.Version).Active);
        var forecast = await fixture.Client.RefreshForecastAsync(symbol);
        Assert.Equal(("last", version.Version), (forecast!.Model, forecast.ModelVersion));
    }
}
