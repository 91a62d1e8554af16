using StreamPredictor.Grains.Tests.Support;
using StreamPredictor.Integration.Tests.Support;

namespace StreamPredictor.Integration.Tests.Market;

[Collection(EmbeddedSiloCollection.Name)]
public sealed class LateDataForecastTests(EmbeddedSiloFixture fixture)
{
    [Fact]
    public async Task A_late_tick_revises_its_closed_day_and_the_forecast_follows_the_revised_figures()
    {
        const string symbol = "LATE-REVISION";
        var ticks = TickFiles.Ticks(SharedData.Daily)[^150..];
        await fixture.Client.IngestAsync(symbol, ticks);
        var closed = await fixture.Client.GetDaysAsync(symbol, includeOpenDay: false);
        var last = closed[^1];
        var before = await Eventually.ReturnsAsync(() => fixture.Client.GetForecastAsync(symbol), f => f?.BasedOn == last.Date, "the forecast of the last closed day");

        // Noon of the last closed day, one day behind the open day: within the default lateness of one day.
        var noon = new DateTimeOffset(last.Date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero).ToUnixTimeSeconds();
        var late = last.MeanClose * 1.1;
        var result = await fixture.Client.IngestAsync(symbol, [new Tick(noon, late, late, late, late, 2)]);

        var revised = (await fixture.Client.GetDaysAsync(symbol, includeOpenDay: false))[^1];
        Assert.Equal(1, result.Stats.LateAccepted);
        Assert.Equal(1, result.Stats.Revisions);
        Assert.Equal(2, revised.Ticks);
        Assert.Equal((last.MeanClose + late) / 2, revised.MeanClose, 9);
        Assert.Equal(Math.Max(last.High, late), revised.High);
        Assert.Equal(last.Volume + 2, revised.Volume, 9);

        // The naive forecast is the last closed day's mean: it must move to the revised one.
        var after = await Eventually.ReturnsAsync(() => fixture.Client.GetForecastAsync(symbol), f => f?.Value != before!.Value, "a forecast from the revised day");
        Assert.Equal(last.Date, after!.BasedOn);
        Assert.Equal(revised.MeanClose, after.Value);
        Assert.Equal("naive", after.Model);
    }
}
