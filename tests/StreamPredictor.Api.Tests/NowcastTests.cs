using Microsoft.Extensions.DependencyInjection;
using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Api.Tests;

/// <summary>
/// The nowcast over HTTP: the read endpoint, and <c>nowcast</c> events on the events endpoint fed from the "nowcasts"
/// stream (here by a test publisher: the forecast grain's own nowcasts reach the page through the same path).
/// </summary>
[Collection(ApiSiloCollection.Name)]
public sealed class NowcastTests(ApiSilo silo)
{
    [Fact]
    public async Task A_symbol_with_no_open_day_has_no_nowcast()
    {
        using var reader = silo.Client(TestKeys.Reader);

        using var response = await reader.GetAsync("/api/symbols/NOWCAST-NONE/nowcast");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("NOWCAST-NONE has no nowcast", (await Problem.ReadAsync(response)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nowcasts_published_on_the_stream_reach_every_listener_as_nowcast_events_and_older_ones_are_skipped()
    {
        const string symbol = "SSE-NOWCAST";
        // The forecast grain nowcasts the real open day (07-02) itself; the test publisher's nowcasts are of the day after,
        // so they are newer than the grain's, which the listeners then skip, and the reads below pass over the grain's.
        var open = new DateOnly(2024, 7, 3);
        using var reader = silo.Client(TestKeys.Reader);
        await Upload.TicksAsync(silo, symbol, TestTicks.Json(TestTicks.Days(new DateOnly(2024, 7, 1), 2)));
        var cluster = silo.Services.GetRequiredService<IClusterClient>();
        await using var first = await ForecastEvents.OpenAsync(reader, symbol);
        await using var second = await ForecastEvents.OpenAsync(silo.BearerClient(TestTokens.Create("stream:read")), symbol);
        await first.NextAsync(TimeSpan.FromSeconds(30));
        await second.NextAsync(TimeSpan.FromSeconds(30));

        var noon = TestNowcasts.Make(symbol, open, 150.5, 0.5);
        var morning = TestNowcasts.Make(symbol, open, 149.0, 0.25);                  // older tick time: skipped
        var evening = TestNowcasts.Make(symbol, open, 151.75, 0.75);
        await TestNowcasts.PublishAsync(cluster, noon);
        var a = await NextPublishedAsync(first);
        var b = await NextPublishedAsync(second);
        await TestNowcasts.PublishAsync(cluster, morning);
        await TestNowcasts.PublishAsync(cluster, evening);
        var c = await NextPublishedAsync(first);

        Assert.Equal((150.5, 0.5), (a.Value, a.ElapsedShare));
        Assert.Equal(a.Intervals, noon.Intervals);
        Assert.Equal((noon.Date, noon.AsOf, noon.ComputedAt), (b.Date, b.AsOf, b.ComputedAt));
        Assert.Equal((151.75, 0.75), (c.Value, c.ElapsedShare));
    }

    /// <summary>The next nowcast event of the test publisher, passing over the forecast grain's own.</summary>
    private static async Task<Nowcast> NextPublishedAsync(ForecastEvents events)
    {
        while (true)
        {
            var (nowcast, _) = await events.NextNowcastAsync(TimeSpan.FromSeconds(30));
            if (nowcast.Model == "test-publisher")
            {
                return nowcast;
            }
        }
    }

    [Fact]
    public void A_nowcast_is_newer_by_its_day_then_its_newest_tick_then_its_computation()
    {
        var day = new DateOnly(2024, 7, 2);
        var noon = TestNowcasts.Make("S", day, 1, 0.5);
        var later = noon with { ComputedAt = noon.ComputedAt.AddSeconds(1) };
        var nextDay = TestNowcasts.Make("S", day.AddDays(1), 1, 0.1) with { ComputedAt = noon.ComputedAt.AddHours(-1) };

        Assert.True(Api.Events.NowcastOrder.IsNewer(noon, null));
        Assert.False(Api.Events.NowcastOrder.IsNewer(noon, noon));
        Assert.True(Api.Events.NowcastOrder.IsNewer(later, noon));
        Assert.False(Api.Events.NowcastOrder.IsNewer(TestNowcasts.Make("S", day, 1, 0.25), noon));
        Assert.True(Api.Events.NowcastOrder.IsNewer(nextDay, later));
    }
}
