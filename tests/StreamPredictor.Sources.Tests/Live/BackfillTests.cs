using StreamPredictor.Sources.Ingestion;
using StreamPredictor.Sources.LocalExchange;
using StreamPredictor.Sources.Tests.Support;

namespace StreamPredictor.Sources.Tests.Live;

[Collection(SiloCollection.Name)]
public sealed class BackfillTests(SiloFixture silo)
{
    private static readonly DateTimeOffset Now = new(2024, 1, 5, 12, 0, 0, TimeSpan.Zero);

    private static long Day(int day) => new DateTimeOffset(2024, 1, day, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    [Fact]
    public async Task An_interrupted_backfill_resumes_where_it_stopped_without_a_gap_or_a_double_count()
    {
        var symbol = SiloFixture.NewSymbol("FILL");
        await using var h = await SourceHarness.StartAsync(Now);
        h.Server.Tape.Add(SourceHarness.Pair, new TradeMaker(seed: 41).Minutes(Day(1), Day(4)));
        var bars = ServerBar.Of(h.Server.Tape.Trades(SourceHarness.Pair));
        var held = new TaskCompletionSource();
        h.Server.BeforeAnswer = r => h.Server.Requests.Count == 3 ? held.Task : Task.CompletedTask;
        using var stop = new CancellationTokenSource();
        var interrupt = Task.Run(async () =>
        {
            await Wait.UntilAsync(() => h.Server.Requests.Count == 3, "the third page asked for");
            await stop.CancelAsync(); // Ctrl-C while the third page is on its way
        });

        var first = await ClockDriver.RunAsync(h.Clock, () => FeedRunner.RunBackfillAsync(silo.Client, symbol, h.Source, Day(1), Day(4), 4096, null, stop.Token, CancellationToken.None), TimeSpan.FromMilliseconds(50));
        await interrupt;
        held.SetResult();
        var afterFirst = await silo.Client.GetStatsAsync(symbol);

        Assert.InRange(first.Sent!.TicksSent, 1, bars.Count - 1);
        Assert.Equal(first.Sent.TicksSent, afterFirst.Accepted); // what was sent before the stop is confirmed
        Assert.False(first.Resumed);

        var requestsBefore = h.Server.Requests.Count;
        var second = await ClockDriver.RunAsync(h.Clock, () => FeedRunner.RunBackfillAsync(silo.Client, symbol, h.Source, Day(1), Day(4), 4096, null, CancellationToken.None, CancellationToken.None), TimeSpan.FromMilliseconds(50));

        Assert.True(second.Resumed);
        Assert.Equal(afterFirst.NewestTick!.Value.ToUnixTimeSeconds() + 60, second.Start);
        Assert.Equal(second.Start, h.Server.Requests[requestsBefore].Start);
        var stats = await silo.Client.GetStatsAsync(symbol);
        Assert.Equal(bars.Count, stats.Accepted);
        Assert.Equal(0, stats.Duplicates);
        Assert.Equal(bars.Count, first.Sent.TicksSent + second.Sent!.TicksSent);
        var days = await silo.Client.GetDaysAsync(symbol);
        Assert.Equal(Expected.Days(bars).Select(d => (d.Date, d.Minutes, Math.Round(d.MeanClose, 6))), days.Select(d => (d.Date, d.Ticks, Math.Round(d.MeanClose, 6))));
    }

    [Fact]
    public async Task A_backfill_of_a_range_the_symbol_already_holds_fetches_nothing()
    {
        var symbol = SiloFixture.NewSymbol("HELD");
        await using var h = await SourceHarness.StartAsync(Now);
        h.Server.Tape.Add(SourceHarness.Pair, new TradeMaker(seed: 42).Minutes(Day(1), Day(2)));
        await silo.Client.IngestAsync(symbol, Expected.Bars(h.Server, SourceHarness.Pair, Day(1), Day(2)));
        await silo.Client.IngestAsync(symbol, [new Tick(Day(3), 1, 1, 1, 1, 1)]);

        var result = await FeedRunner.RunBackfillAsync(silo.Client, symbol, h.Source, Day(1), Day(2), 4096, null, CancellationToken.None, CancellationToken.None);

        Assert.Null(result.Sent);
        Assert.Empty(h.Server.Requests);
    }
}
