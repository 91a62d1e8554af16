using StreamPredictor.Sources.Ingestion;
using StreamPredictor.Sources.LocalExchange;
using StreamPredictor.Sources.Tests.Support;

namespace StreamPredictor.Sources.Tests.Live;

/// <summary>
/// The Bitstamp source through the SDK's ingest into a real embedded silo, against the local exchange on a fake
/// clock: what reaches the tick stream and the market grain is compared with the exchange's own trades.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class LiveIngestionTests(SiloFixture silo)
{
    private const string Pair = SourceHarness.Pair;

    private static long At(int day, int hour, int minute) => new DateTimeOffset(2024, 3, day, hour, minute, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private static void AssertDaysEqual(IReadOnlyList<ServerBar> bars, DailyBar[] days)
    {
        var expected = Expected.Days(bars);
        Assert.Equal(expected.Select(d => d.Date), days.Select(d => d.Date));
        foreach (var (e, day) in expected.Zip(days))
        {
            Assert.Equal(e.Minutes, day.Ticks);
            Assert.Equal(e.MeanClose, day.MeanClose, 6);
            Assert.Equal(e.Open, day.Open);
            Assert.Equal(e.High, day.High);
            Assert.Equal(e.Low, day.Low);
            Assert.Equal(e.Close, day.Close);
            Assert.Equal(e.Volume, day.Volume, 9);
        }
    }

    [Fact]
    public async Task Bars_and_daily_means_reaching_the_grains_equal_those_of_the_exchanges_trades()
    {
        var symbol = SiloFixture.NewSymbol("LIVE");
        await using var h = await SourceHarness.StartAsync(DateTimeOffset.FromUnixTimeSeconds(At(1, 23, 40)));
        var maker = new TradeMaker(seed: 31);
        h.Server.Record(Pair, maker.Minutes(At(1, 0, 0), At(1, 23, 40)));
        // an earlier run stored the day up to 23:00 (the tap listens from before it: a subscriber that joins later may
        // be handed batches still in the stream's cache)
        await using var tap = await StreamTap.StartAsync(silo.Cluster, symbol);
        await silo.Client.IngestAsync(symbol, Expected.Bars(h.Server, Pair, At(1, 0, 0), At(1, 23, 0)));
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => FeedRunner.RunLiveAsync(silo.Client, symbol, h.Source, 4096, null, stop.Token, CancellationToken.None));
        await Wait.UntilAsync(() => h.Server.Subscriptions == 1, "subscribed");

        await h.TradeUntilAsync(maker, At(2, 0, 10)); // across midnight
        await h.AdvanceAsync(TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        var result = await run.WaitAsync(Wait.Deadline);

        var bars = ServerBar.Of(h.Server.Tape.Trades(Pair)).Where(b => b.Timestamp < At(2, 0, 10)).ToList();
        // it resumed after the newest stored minute (22:59): repaired 23:00 up to the socket's first minute, then live;
        // every minute went on the stream once (the earlier run's, then the feed's), equal to the exchange's bar
        Assert.Equal(bars.Select(Expected.ToTick), tap.Ticks);
        AssertDaysEqual(bars, await silo.Client.GetDaysAsync(symbol));
        var stats = await silo.Client.GetStatsAsync(symbol);
        Assert.Equal(bars.Count, stats.Accepted);
        Assert.Equal(0, stats.Rejected);
        Assert.Equal(bars.Count(b => b.Timestamp >= At(1, 23, 0)), result.TicksSent); // all sent, and confirmed before the run returned
        Assert.Equal(stats.Accepted, result.Stats.Accepted);
        Assert.Equal(1, h.Counters.Snapshot().GapsRepaired);
    }

    [Fact]
    public async Task A_disconnect_in_the_middle_of_a_day_leaves_no_missing_minute_after_repair()
    {
        var symbol = SiloFixture.NewSymbol("DROP");
        await using var h = await SourceHarness.StartAsync(DateTimeOffset.FromUnixTimeSeconds(At(4, 11, 58)));
        var maker = new TradeMaker(seed: 32);
        h.Server.Record(Pair, maker.Minutes(At(4, 0, 0), At(4, 11, 58)));
        await silo.Client.IngestAsync(symbol, Expected.Bars(h.Server, Pair, At(4, 0, 0), At(4, 11, 0)));
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => FeedRunner.RunLiveAsync(silo.Client, symbol, h.Source, 4096, null, stop.Token, CancellationToken.None));
        await Wait.UntilAsync(() => h.Server.Subscriptions == 1, "subscribed");
        await h.TradeUntilAsync(maker, At(4, 12, 5));

        // mid-day, the connection drops; trades go on while nobody listens; the feed comes back after 3 minutes
        h.Server.RefuseConnections = true;
        h.Server.DropConnections();
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        h.Server.Record(Pair, maker.Minutes(At(4, 12, 5), At(4, 12, 8)));
        await h.AdvanceUntilAsync(() => h.Now >= At(4, 12, 8), "three minutes of outage");
        h.Server.RefuseConnections = false;
        await h.AdvanceUntilAsync(() => h.Server.Subscriptions == 2, "subscribed again");
        await h.TradeUntilAsync(maker, At(4, 12, 20));
        await h.AdvanceAsync(TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await run.WaitAsync(Wait.Deadline);

        var bars = ServerBar.Of(h.Server.Tape.Trades(Pair)).Where(b => b.Timestamp < At(4, 12, 20)).ToList();
        var days = await silo.Client.GetDaysAsync(symbol);
        AssertDaysEqual(bars, days);
        Assert.Equal(bars.Count, (await silo.Client.GetStatsAsync(symbol)).Accepted);
        Assert.True(h.Counters.Snapshot().Reconnects >= 1);
    }
}
