namespace StreamPredictor.Client.Tests.Forecasts;

/// <summary>The SDK's nowcasts: the latest one read, then each one the forecast grain pushes, in order.</summary>
[Collection(SiloCollection.Name)]
public sealed class NowcastWatchTests(SiloFixture fixture)
{
    private const long Day = 86_400;
    private const long Start = 1_609_459_200; // 2021-01-01

    [Fact]
    public async Task WatchNowcastsAsync_yields_the_latest_nowcast_then_the_closed_days_final_one_and_the_next_days()
    {
        const string symbol = "WATCH-NOWCAST";
        await fixture.Client.IngestAsync(symbol, [Tick(0, 0, 10), Tick(0, 1, 20), Tick(1, 0, 40), Tick(1, 6, 44)]);
        await WaitForAsync(symbol, n => n?.Ticks == 2);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var nowcasts = fixture.Client.WatchNowcastsAsync(symbol, timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.True(await nowcasts.MoveNextAsync());
        var latest = nowcasts.Current;
        await fixture.Client.IngestAsync(symbol, [Tick(2, 0, 70)], cancellationToken: timeout.Token);
        Assert.True(await nowcasts.MoveNextAsync());
        var final = nowcasts.Current;
        Assert.True(await nowcasts.MoveNextAsync());
        var next = nowcasts.Current;

        Assert.Equal((new DateOnly(2021, 1, 2), 2, 42.0, 44.0), (latest.Date, latest.Ticks, latest.MeanSoFar, latest.LastPrice));
        Assert.Equal(0.25, latest.ElapsedShare, 9);
        Assert.Equal(new DateOnly(2021, 1, 2), final.Date);
        Assert.Equal(1, final.ElapsedShare);
        Assert.Equal(42, final.Value, 9);
        Assert.Equal(new DateOnly(2021, 1, 3), next.Date);
        Assert.Equal(42, (await fixture.Client.GetForecastAsync(symbol, timeout.Token))!.Value);
    }

    [Fact]
    public async Task GetNowcastAsync_is_null_for_a_symbol_without_a_closed_day()
    {
        const string symbol = "NOWCAST-NONE";
        await fixture.Client.IngestAsync(symbol, [Tick(0, 0, 10)]);

        Assert.Null(await fixture.Client.GetNowcastAsync(symbol));
    }

    private async Task WaitForAsync(string symbol, Func<Nowcast?, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!done(await fixture.Client.GetNowcastAsync(symbol)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no such nowcast of {symbol} within 30 s");
            await Task.Delay(50);
        }
    }

    private static Tick Tick(int day, int hour, double close) => new(Start + (day * Day) + (hour * 3600), close, close, close, close, 1);
}
