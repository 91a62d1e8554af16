using StreamPredictor.Sources.LocalExchange;
using StreamPredictor.Sources.Monitoring;
using StreamPredictor.Sources.Tests.Support;

namespace StreamPredictor.Sources.Tests.Bitstamp;

/// <summary>The Bitstamp source against the local exchange on a fake clock: bars, repairs, reconnects, bad input.</summary>
public sealed class BitstampSourceTests
{
    private static readonly DateTimeOffset Ten = new(2024, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly long TenSeconds = Ten.ToUnixTimeSeconds();

    private static long At(int hour, int minute) => new DateTimeOffset(2024, 3, 1, hour, minute, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    [Fact]
    public async Task Live_trades_become_the_exchanges_minute_bars_each_once_in_order()
    {
        await using var h = await SourceHarness.StartAsync(Ten);
        var maker = new TradeMaker(seed: 11);
        h.Read(resumeFrom: null);
        await Wait.UntilAsync(() => h.Server.Subscriptions == 1, "subscribed");

        await h.TradeUntilAsync(maker, At(10, 15));
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        await h.StopAsync();

        // subscribed at 10:00:00 (+5 s skew margin): the socket's bars start at 10:01; with nothing stored, no repair
        var expected = Expected.Bars(h.Server, SourceHarness.Pair, At(10, 1), At(10, 15));
        Assert.True(expected.Count > 8, "the script made trades in most minutes");
        Assert.Equal(expected, h.Bars);
        var status = h.Counters.Snapshot();
        Assert.Equal(0, status.GapsRepaired);
        Assert.True(status.DuplicateTrades > 0, "the script sent duplicates, counted once");
        Assert.Equal(0, status.BadInputTotal);
    }

    [Fact]
    public async Task A_minute_is_published_once_the_next_has_started_plus_the_grace()
    {
        await using var h = await SourceHarness.StartAsync(Ten, o => o.Grace = TimeSpan.FromSeconds(5));
        h.Read(resumeFrom: null);
        await Wait.UntilAsync(() => h.Server.Subscriptions == 1, "subscribed");
        await h.AdvanceAsync(TimeSpan.FromSeconds(70)); // 10:01:10
        await h.Server.PublishAsync(SourceHarness.Pair, [new ServerTrade(1, (At(10, 1) + 20) * 1_000_000, 100m, 1m)]);
        await h.SettleAsync();

        await h.AdvanceAsync(TimeSpan.FromSeconds(54)); // 10:02:04: the next minute has started, the grace has not passed
        Assert.Empty(h.Bars);
        await h.AdvanceAsync(TimeSpan.FromSeconds(1)); // 10:02:05
        await Wait.UntilAsync(() => h.Bars.Count == 1, "the bar of 10:01 after the grace");

        Assert.Equal(new Tick(At(10, 1), 100, 100, 100, 100, 1), h.Bars[0]);
    }

    [Fact]
    public async Task Resuming_repairs_from_REST_up_to_the_first_socket_minute_then_goes_on_live_without_a_missing_or_doubled_minute()
    {
        await using var h = await SourceHarness.StartAsync(Ten);
        var maker = new TradeMaker(seed: 12);
        h.Server.Record(SourceHarness.Pair, maker.Minutes(At(8, 0), At(10, 0)));
        h.Read(resumeFrom: At(9, 0));
        await Wait.UntilAsync(() => h.Server.Subscriptions == 1, "subscribed");

        await h.TradeUntilAsync(maker, At(10, 6)); // the trades of 10:00 reach the socket before its first minute
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        await h.StopAsync();

        Assert.Equal(Expected.Bars(h.Server, SourceHarness.Pair, At(9, 0), At(10, 6)), h.Bars);
        var status = h.Counters.Snapshot();
        Assert.Equal(1, status.GapsRepaired);
        Assert.Equal(Expected.Bars(h.Server, SourceHarness.Pair, At(9, 0), At(10, 1)).Count, status.MinutesRepaired);
        Assert.All(h.Server.Requests, r => Assert.True(r.ExcludeCurrent && !r.HadEnd && r.Limit == 1000));
    }

    [Fact]
    public async Task A_timer_that_fires_a_hair_early_loses_no_minute_and_does_not_stop_the_feed()
    {
        await using var h = await SourceHarness.StartAsync(Ten, sourceClock: fake => new LaggingClock(fake));
        var maker = new TradeMaker(seed: 17);
        h.Server.Record(SourceHarness.Pair, maker.Minutes(At(9, 0), At(10, 0)));
        h.Read(resumeFrom: At(9, 30));
        await Wait.UntilAsync(() => h.Server.Subscriptions == 1, "subscribed");

        // The repair up to the socket's first minute (10:01) waits until 10:01:10; its timer fires at 10:01:09.999.
        await h.AdvanceAsync(TimeSpan.FromSeconds(69));
        h.Clock.Advance(TimeSpan.FromMilliseconds(999));
        await h.AdvanceUntilAsync(() => h.Server.Requests.Count >= 1, "the repair asked for its page", TimeSpan.FromMilliseconds(1));
        await h.TradeUntilAsync(maker, At(10, 8));
        await h.AdvanceAsync(TimeSpan.FromSeconds(20));
        await h.StopAsync();

        Assert.Equal(Expected.Bars(h.Server, SourceHarness.Pair, At(9, 30), At(10, 8)), h.Bars);
    }

    [Fact]
    public async Task A_dropped_connection_is_replaced_and_its_missing_minutes_are_repaired()
    {
        await using var h = await SourceHarness.StartAsync(Ten);
        var maker = new TradeMaker(seed: 13);
        h.Read(resumeFrom: null);
        await Wait.UntilAsync(() => h.Server.Subscriptions == 1, "subscribed");
        await h.TradeUntilAsync(maker, At(10, 3));
        await h.AdvanceAsync(TimeSpan.FromSeconds(30));
        var minute = maker.Minute(At(10, 3), maxTrades: 12, allowEmpty: false);
        var firstHalf = minute.Where(t => t.Micros < (At(10, 3) + 30) * 1_000_000).ToList();
        await h.Server.PublishAsync(SourceHarness.Pair, firstHalf); // part of this minute reached the socket...
        await h.SettleAsync();

        h.Server.DropConnections(); // ...then the network fails, and the rest of the minute's trades happen meanwhile
        h.Server.Record(SourceHarness.Pair, [.. minute.Except(firstHalf)]);
        await h.AdvanceUntilAsync(() => h.Server.Subscriptions == 2, "a new subscription");
        await h.TradeUntilAsync(maker, At(10, 12));
        await h.AdvanceAsync(TimeSpan.FromSeconds(20));
        await h.StopAsync();

        Assert.Equal(Expected.Bars(h.Server, SourceHarness.Pair, At(10, 1), At(10, 12)), h.Bars);
        var status = h.Counters.Snapshot();
        Assert.Equal(1, status.Reconnects);
        Assert.Equal(1, status.GapsRepaired);
        Assert.Equal(1, status.MinutesRepaired); // 10:03, whose bar the socket had only in part
    }

    [Fact]
    public async Task While_the_feed_refuses_connections_the_history_keeps_coming_from_REST_and_nothing_is_missed()
    {
        await using var h = await SourceHarness.StartAsync(Ten);
        var maker = new TradeMaker(seed: 15);
        h.Read(resumeFrom: null);
        await Wait.UntilAsync(() => h.Server.Subscriptions == 1, "subscribed");
        await h.TradeUntilAsync(maker, At(10, 2));

        h.Server.RefuseConnections = true;
        h.Server.DropConnections();
        h.Server.Record(SourceHarness.Pair, maker.Minutes(At(10, 2), At(10, 20)));
        await h.AdvanceUntilAsync(() => h.Clock.GetUtcNow().ToUnixTimeSeconds() >= At(10, 20), "ten minutes of outage", TimeSpan.FromSeconds(2));
        await Wait.UntilAsync(() => h.Bars.Count > 0 && h.Bars[^1].Timestamp >= At(10, 10), $"bars of the outage from REST ({h.Describe()})");
        h.Server.RefuseConnections = false;
        await h.AdvanceUntilAsync(() => h.Server.Subscriptions == 2, "a new subscription");
        await h.AdvanceAsync(TimeSpan.FromSeconds(60 - (h.Now % 60) + 30));
        await h.TradeUntilAsync(maker, h.Now / 60 * 60 + 300);
        await h.AdvanceAsync(TimeSpan.FromSeconds(20));
        await h.StopAsync();

        Assert.Equal(Expected.Bars(h.Server, SourceHarness.Pair, At(10, 1), h.Now / 60 * 60 - 60), h.Bars.Where(b => b.Timestamp < h.Now / 60 * 60 - 60));
        Assert.True(h.Counters.Snapshot().Reconnects >= 3, "failed attempts count as reconnects");
        Assert.True(h.Counters.Snapshot().GapsRepaired >= 2, "the outage was filled while it lasted, then the rest after the reconnect");
    }

    [Fact]
    public async Task A_silent_connection_is_detected_by_its_missing_heartbeat_answer_and_replaced()
    {
        await using var h = await SourceHarness.StartAsync(Ten, o =>
        {
            o.HeartbeatTimeout = TimeSpan.FromSeconds(5);
            o.SilenceTimeout = TimeSpan.FromSeconds(30);
        });
        h.Read(resumeFrom: null);
        await Wait.UntilAsync(() => h.Server.Subscriptions == 1, "subscribed");

        // A quiet market: no trades, but heartbeats are answered, so the connection is kept.
        for (var i = 0; i < 6; i++)
        {
            await h.AdvanceAsync(TimeSpan.FromSeconds(10));
            await Wait.UntilAsync(() => h.Counters.Snapshot() is var s && s.HeartbeatsAnswered == s.HeartbeatsSent, "heartbeat answered");
        }

        Assert.Equal(1, h.Server.Connections);
        Assert.Equal(6, h.Counters.Snapshot().HeartbeatsAnswered);

        h.Server.SilenceConnections();
        var silentFrom = h.Clock.GetUtcNow();
        await h.AdvanceUntilAsync(() => h.Server.Subscriptions == 2, "a second subscription after the silence");

        // heartbeat due within 10 s, unanswered for 5 s, first back-off at most 1 s
        Assert.InRange(h.Clock.GetUtcNow() - silentFrom, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(17));
        Assert.Equal(2, h.Server.Connections);
        Assert.Equal(1, h.Counters.Snapshot().Reconnects);
        Assert.True(h.Counters.Snapshot().Connected);
    }

    [Fact]
    public async Task A_connection_that_sends_nothing_at_all_is_replaced_even_without_a_heartbeat_due()
    {
        await using var h = await SourceHarness.StartAsync(Ten, o =>
        {
            o.HeartbeatInterval = TimeSpan.FromMinutes(10);
            o.SilenceTimeout = TimeSpan.FromSeconds(20);
        });
        h.Read(resumeFrom: null);
        await Wait.UntilAsync(() => h.Server.Subscriptions == 1, "subscribed");

        h.Server.SilenceConnections();
        await h.AdvanceUntilAsync(() => h.Server.Subscriptions == 2, "a second subscription after the silence");

        Assert.Equal(0, h.Counters.Snapshot().HeartbeatsSent);
        Assert.Equal(1, h.Counters.Snapshot().Reconnects);
    }

    [Fact]
    public async Task Request_reconnect_reconnects_and_resubscribes_at_once()
    {
        await using var h = await SourceHarness.StartAsync(Ten);
        h.Read(resumeFrom: null);
        await Wait.UntilAsync(() => h.Server.Subscriptions == 1, "subscribed");

        await h.Server.RequestReconnectAsync();

        // the clock does not move: no back-off before this reconnect
        await Wait.UntilAsync(() => h.Server.Subscriptions == 2, "resubscribed");
        Assert.Equal(Ten, h.Clock.GetUtcNow());
        Assert.Equal(1, h.Counters.Snapshot().Reconnects);
    }

    [Fact]
    public async Task Without_a_confirmed_subscription_it_counts_the_error_and_tries_again_later()
    {
        await using var h = await SourceHarness.StartAsync(Ten);
        h.Server.AcceptSubscriptions = false;
        h.Read(resumeFrom: null);
        await Wait.UntilAsync(() => h.Counters.Snapshot().BadInput.ContainsKey(BadInput.ExchangeError), "the bts:error counted");

        await h.AdvanceUntilAsync(() => h.Server.Connections >= 3, "two more attempts");

        Assert.True(h.Counters.Snapshot().BadInput[BadInput.ExchangeError] >= 2);
        Assert.True(h.Counters.Snapshot().Reconnects >= 2);
        Assert.Empty(h.Bars);
    }

    [Fact]
    public async Task Garbage_and_bad_trades_are_counted_by_reason_and_nothing_invalid_reaches_the_bars()
    {
        await using var h = await SourceHarness.StartAsync(Ten);
        h.Read(resumeFrom: null);
        await Wait.UntilAsync(() => h.Server.Subscriptions == 1, "subscribed");
        await h.AdvanceAsync(TimeSpan.FromSeconds(80)); // 10:01:20
        var micros = (At(10, 1) + 10) * 1_000_000;
        string Bad(string price, string amount, long time) =>
            $$"""{"data": {"id": 9, "timestamp": "{{time / 1_000_000}}", "amount_str": "{{amount}}", "price_str": "{{price}}", "microtimestamp": "{{time}}", "type": 0}, "channel": "live_trades_btcusd", "event": "trade"}""";

        await h.Server.SendRawAsync("{\"event\": \"trade\", \"data\": {");
        await h.Server.SendRawAsync("""{"event": "order_created", "channel": "live_orders_btcusd", "data": {}}""");
        await h.Server.SendRawAsync("""{"event": "bts:error", "channel": "", "data": {"code": null, "message": "Something went wrong."}}""");
        await h.Server.SendRawAsync(Bad("0", "1", micros));
        await h.Server.SendRawAsync(Bad("-3", "1", micros));
        await h.Server.SendRawAsync(Bad("NaN", "1", micros));
        await h.Server.SendRawAsync(Bad("100", "0", micros));
        await h.Server.SendRawAsync(Bad("100", "1", micros + (3_600L * 1_000_000)));
        await h.Server.PublishAsync(SourceHarness.Pair, [new ServerTrade(1, micros, 100.5m, 0.25m)]);
        await h.SettleAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(60));
        await h.StopAsync();

        Assert.Equal([new Tick(At(10, 1), 100.5, 100.5, 100.5, 100.5, 0.25)], h.Bars);
        var bad = h.Counters.Snapshot().BadInput;
        Assert.Equal(1, bad[BadInput.MalformedJson]);
        Assert.Equal(1, bad[BadInput.UnknownEvent]);
        Assert.Equal(1, bad[BadInput.ExchangeError]);
        Assert.Equal(2, bad[BadInput.PriceNotPositive]);
        Assert.Equal(1, bad[BadInput.PriceUnparsable]);
        Assert.Equal(1, bad[BadInput.AmountNotPositive]);
        Assert.Equal(1, bad[BadInput.FutureTimestamp]);
        Assert.Equal(1, h.Server.Connections);
    }

    [Fact]
    public async Task A_stop_hands_out_the_complete_minutes_and_ends_the_sequence()
    {
        await using var h = await SourceHarness.StartAsync(Ten);
        var maker = new TradeMaker(seed: 14);
        h.Server.Record(SourceHarness.Pair, maker.Minutes(At(9, 0), At(10, 0)));
        h.Read(resumeFrom: At(9, 30));
        await Wait.UntilAsync(() => h.Server.Subscriptions == 1, "subscribed");

        // Stopped at 10:00:20, before the repair up to 10:01 could be final: the complete part (up to 10:00, final
        // 10 s after it ended) is repaired, and the
        // sequence ends there (publishing later minutes would hide the rest of the gap from the next start).
        await h.AdvanceAsync(TimeSpan.FromSeconds(20));
        await h.StopAsync();

        Assert.Equal(Expected.Bars(h.Server, SourceHarness.Pair, At(9, 30), At(10, 0)), h.Bars);
    }

    [Fact]
    public async Task Stopped_before_any_subscription_it_still_repairs_the_complete_minutes_since_the_resume_point()
    {
        await using var h = await SourceHarness.StartAsync(Ten);
        h.Server.Record(SourceHarness.Pair, new TradeMaker(seed: 16).Minutes(At(8, 0), At(10, 0)));
        h.Server.AcceptSubscriptions = false;
        h.Read(resumeFrom: At(9, 0));
        await Wait.UntilAsync(() => h.Counters.Snapshot().BadInput.ContainsKey(BadInput.ExchangeError), "the subscription refused");

        await h.StopAsync();

        // complete at 10:00:00 with a 10 s repair delay: the minutes before 09:59
        Assert.Equal(Expected.Bars(h.Server, SourceHarness.Pair, At(9, 0), At(9, 59)), h.Bars);
    }
}
