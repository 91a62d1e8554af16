using StreamPredictor.Sources.LocalExchange;
using StreamPredictor.Sources.Monitoring;
using StreamPredictor.Sources.Tests.Support;

namespace StreamPredictor.Sources.Tests.Bitstamp;

/// <summary>Paging through the local exchange's OHLC history: throttling, error answers, paging rules.</summary>
public sealed class BitstampRestTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2024, 1, 5, 12, 0, 0, TimeSpan.Zero);

    private static long Day(int day) => Start.AddDays(day - 1).ToUnixTimeSeconds();

    private static Task<List<Tick>> ReadAsync(SourceHarness h, long from, long to) =>
        ClockDriver.RunAsync(h.Clock, async () =>
        {
            var bars = new List<Tick>();
            await foreach (var bar in h.Source.ReadHistoryAsync(from, to, CancellationToken.None))
            {
                bars.Add(bar);
            }

            return bars;
        }, TimeSpan.FromMilliseconds(50));

    [Fact]
    public async Task Throttling_slows_the_backfill_down_and_never_fails_it()
    {
        await using var h = await SourceHarness.StartAsync(Now, o => o.MaxRequestsPerSecond = 50);
        h.Server.Tape.Add(SourceHarness.Pair, new TradeMaker(seed: 21).Minutes(Day(1), Day(3)));
        h.Server.MaxRequestsPerWindow = 1; // one request per 2 s on the exchange's clock, far below the client's 50/s
        h.Server.RateWindow = TimeSpan.FromSeconds(2);
        h.Server.Fail(RestFault.Throttle(TimeSpan.FromSeconds(5)));

        var bars = await ReadAsync(h, Day(1), Day(3));

        Assert.Equal(Expected.Bars(h.Server, SourceHarness.Pair, Day(1), Day(3)), bars);
        var requests = h.Server.Requests;
        var throttled = requests.Where(r => r.Status == 429).ToList();
        Assert.True(throttled.Count >= 2, "the client ran into the limit");
        Assert.Equal(throttled.Count, h.Counters.Snapshot().Throttled);
        for (var i = 0; i < requests.Count - 1; i++)
        {
            if (requests[i].RetryAfter is { } wait)
            {
                Assert.True(requests[i + 1].At >= requests[i].At + wait, $"request {i + 2} came {requests[i + 1].At - requests[i].At} after a 429 asking for {wait}");
            }
        }

        Assert.True(h.Source.Rest.RequestInterval >= TimeSpan.FromMilliseconds(40), "the pace slowed down after throttling");
        Assert.Equal(0, h.Counters.Snapshot().BadInputTotal);
    }

    [Fact]
    public async Task Requests_never_come_faster_than_the_configured_rate()
    {
        await using var h = await SourceHarness.StartAsync(Now, o => o.MaxRequestsPerSecond = 4);
        h.Server.Tape.Add(SourceHarness.Pair, new TradeMaker(seed: 22).Minutes(Day(1), Day(5)));

        var bars = await ReadAsync(h, Day(1), Day(5));

        Assert.Equal(Expected.Bars(h.Server, SourceHarness.Pair, Day(1), Day(5)), bars);
        var times = h.RestSends.Times;
        Assert.True(times.Count >= 5);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(250)));
    }

    [Fact]
    public async Task Error_bodies_and_html_pages_are_counted_by_reason_and_retried_until_the_page_comes()
    {
        await using var h = await SourceHarness.StartAsync(Now);
        h.Server.Tape.Add(SourceHarness.Pair, new TradeMaker(seed: 23).Minutes(Day(1), Day(2)));
        h.Server.Fail(RestFault.HtmlPage(502), RestFault.ErrorBody(500), RestFault.HtmlPage(200), RestFault.ErrorBodyWithOk(), RestFault.Garbage());

        var bars = await ReadAsync(h, Day(1), Day(2));

        Assert.Equal(Expected.Bars(h.Server, SourceHarness.Pair, Day(1), Day(2)), bars);
        var bad = h.Counters.Snapshot().BadInput;
        Assert.Equal(2, bad[BadInput.RestHtml]);
        Assert.Equal(2, bad[BadInput.RestErrorBody]);
        Assert.Equal(1, bad[BadInput.RestMalformed]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Paging_moves_start_forward_with_limit_only_whether_a_page_counts_bars_or_minutes(bool emptyMinutesListed)
    {
        await using var h = await SourceHarness.StartAsync(Now);
        var maker = new TradeMaker(seed: 24);
        // sparse: a busy hour, six quiet hours, a day with a trade every 7 minutes
        h.Server.Tape.Add(SourceHarness.Pair, maker.Minutes(Day(1), Day(1) + 3600, maxTrades: 3));
        h.Server.Tape.Add(SourceHarness.Pair, Enumerable.Range(0, 200).SelectMany(i => maker.Minute(Day(1) + (7 * 3600) + (i * 420), allowEmpty: false)).ToList());
        h.Server.IncludeEmptyMinutes = emptyMinutesListed;

        var bars = await ReadAsync(h, Day(1), Day(3));

        Assert.Equal(Expected.Bars(h.Server, SourceHarness.Pair, Day(1), Day(3)), bars);
        var requests = h.Server.Requests;
        Assert.All(requests, r => Assert.True(r.ExcludeCurrent && !r.HadEnd && r.Limit == 1000 && r.Pair == SourceHarness.Pair));
        Assert.True(requests.Zip(requests.Skip(1)).All(p => p.Second.Start > p.First.Start), "start only moves forward");
    }

    [Fact]
    public async Task A_pair_the_exchange_does_not_know_fails_with_one_line()
    {
        await using var h = await SourceHarness.StartAsync(Now);
        h.Server.Fail(new RestFault(404, "application/json", """{"status": "error", "reason": "Not found"}"""));

        var e = await Assert.ThrowsAsync<SourceException>(() => ReadAsync(h, Day(1), Day(2)));

        Assert.Contains("no OHLC for pair 'btcusd'", e.Message, StringComparison.Ordinal);
    }
}
