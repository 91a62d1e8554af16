using Microsoft.Extensions.DependencyInjection;
using StreamPredictor.Grains.Hosting;
using StreamPredictor.Grains.Tests.Support;
using StreamPredictor.Integration.Tests.Support;

namespace StreamPredictor.Integration.Tests.Forecasting;

/// <summary><c>Stream:Forecast:Nowcasting=false</c> (the ingest benchmark's "off"): forecasts as before, no nowcast.</summary>
public sealed class NowcastOffTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("stream-nowcast-off-").FullName;
    private EmbeddedSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await EmbeddedSilo.StartAsync(_directory, silo =>
        silo.Services.Configure<ForecastOptions>(o => o.Nowcasting = false));

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task With_nowcasting_off_the_forecast_is_served_and_the_nowcast_is_null()
    {
        const string symbol = "NOWCAST-OFF";
        var hours = TickFiles.Ticks(SharedData.BitstampHourly).OrderBy(t => t.Timestamp).Take((24 * 5) + 6).ToArray();
        await _silo.Client.IngestAsync(symbol, hours);
        var closed = await _silo.Client.GetDaysAsync(symbol, includeOpenDay: false);

        var forecast = await Eventually.ReturnsAsync(() => _silo.Client.GetForecastAsync(symbol), f => f?.BasedOn == closed[^1].Date, "the forecast of the last closed day");

        Assert.Equal(closed[^1].MeanClose, forecast!.Value);
        Assert.Null(await _silo.Client.GetNowcastAsync(symbol));
    }
}
