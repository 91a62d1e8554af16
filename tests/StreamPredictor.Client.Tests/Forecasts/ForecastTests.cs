using Microsoft.Extensions.Hosting;

namespace StreamPredictor.Client.Tests.Forecasts;

/// <summary>Forecasts as an async sequence, and subscriptions that end quietly however the app ends.</summary>
[Collection(SiloCollection.Name)]
public sealed class ForecastTests(SiloFixture fixture)
{
    private const long Day = 86_400;
    private const long Start = 1_609_459_200; // 2021-01-01

    [Fact]
    public async Task WatchForecastsAsync_yields_the_latest_forecast_then_each_new_one()
    {
        const string symbol = "WATCH";
        await fixture.Client.IngestAsync(symbol, [Tick(0, 10), Tick(0, 20), Tick(1, 40)]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var forecasts = fixture.Client.WatchForecastsAsync(symbol, timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.True(await forecasts.MoveNextAsync());
        var first = forecasts.Current;
        await fixture.Client.IngestAsync(symbol, [Tick(2, 70)], cancellationToken: timeout.Token);
        Assert.True(await forecasts.MoveNextAsync());
        var second = forecasts.Current;

        Assert.Equal(new DateOnly(2021, 1, 1), first.BasedOn);
        Assert.Equal(15, first.Value);
        Assert.Equal(new DateOnly(2021, 1, 2), second.BasedOn);
        Assert.Equal(new DateOnly(2021, 1, 3), second.ForDate);
        Assert.Equal(40, second.Value);
    }

    [Fact]
    public async Task Disposing_a_subscription_after_the_host_stopped_does_nothing()
    {
        var host = await ClientHosts.StartAsync(fixture.Gateway);
        var subscription = await host.StreamClient().SubscribeForecastsAsync("SUBSCRIBED", _ => Task.CompletedTask);
        await host.StopAsync();
        host.Dispose();

        await subscription.DisposeAsync();
        await subscription.DisposeAsync();
    }

    [Fact]
    public async Task A_watch_ends_when_the_host_stops()
    {
        const string symbol = "WATCH-STOPPED";
        await fixture.Client.IngestAsync(symbol, [Tick(0, 10), Tick(1, 20)]);
        var host = await ClientHosts.StartAsync(fixture.Gateway);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var forecasts = host.StreamClient().WatchForecastsAsync(symbol).GetAsyncEnumerator(timeout.Token);
        Assert.True(await forecasts.MoveNextAsync());

        await host.StopAsync();

        Assert.False(await forecasts.MoveNextAsync());
        await forecasts.DisposeAsync();
        host.Dispose();
    }

    private static Tick Tick(int day, double close) => new(Start + (day * Day) + (long)close, close, close, close, close, 1);
}
