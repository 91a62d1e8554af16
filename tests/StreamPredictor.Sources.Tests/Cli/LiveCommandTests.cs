using System.Globalization;
using StreamPredictor.Grains.Market;
using StreamPredictor.Sources.LocalExchange;
using StreamPredictor.Sources.Tests.Support;

namespace StreamPredictor.Sources.Tests.Cli;

[Collection(SiloCollection.Name)]
public sealed class LiveCommandTests(SiloFixture silo) : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Live_replay_of_the_bitstamp_file_exits_0_once_all_is_confirmed_with_status_and_forecasts()
    {
        var file = SharedData.PathOf(SharedData.BitstampHourly);
        var data = _files.PathOf("data");

        var live = await Support.Cli.RunAsync("live", "--symbol", "BTCUSD", "--source", "replay:" + file, "--speed", "0", "--embedded", "--data", data);
        var days = await Support.Cli.RunAsync("days", "--symbol", "BTCUSD", "--embedded", "--data", data);
        var daily = await Support.Cli.RunAsync("daily", file);

        Assert.Equal(0, live.ExitCode);
        Assert.Contains("BTCUSD replay:bitstamp_btcusd_1h_2018-2022.kaggle.csv replaying | at 2022-08-20 00:00Z | 37,387 ticks published, 37,387 sent | bad input: none", live.Error, StringComparison.Ordinal);
        Assert.Contains("replay BTCUSD: 37,387 ticks in", live.Error, StringComparison.Ordinal);
        Assert.Contains("all confirmed; 37,387 accepted, 0 duplicates, 0 rejected", live.Error, StringComparison.Ordinal);
        var lastClosed = DailyImport.Run(file).Days[^2];
        Assert.EndsWith(string.Create(CultureInfo.InvariantCulture, $"BTCUSD 2022-08-20: mean close {lastClosed.MeanClose:F2}"), live.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(';')[0], StringComparison.Ordinal);
        Assert.Equal(daily.Out, days.Out);
    }

    [Fact]
    public async Task Live_bitstamp_against_the_local_exchange_stops_on_ctrl_c_with_every_complete_minute_confirmed()
    {
        var symbol = SiloFixture.NewSymbol("CTRLC");
        await using var server = await LocalBitstamp.StartAsync(TimeProvider.System);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60;
        server.Record("btcusd", new TradeMaker(seed: 51).Minutes(now - (120 * 60), now));
        await silo.Client.IngestAsync(symbol, Expected.Bars(server, "btcusd", now - (120 * 60), now - (60 * 60)));
        using var ctrlC = new CancellationTokenSource();

        var run = Support.Cli.RunAsync(ctrlC.Token, "live", "--symbol", symbol, "--source", "bitstamp", "--pair", "btcusd",
            "--ws-url", server.WebSocketUrl.ToString(), "--rest-url", server.RestUrl.ToString(), "--gateway", silo.Gateway);
        await Wait.UntilAsync(() => server.Subscriptions == 1, "subscribed");
        await ctrlC.CancelAsync();
        var live = await run.WaitAsync(Wait.Deadline);

        Assert.Equal(0, live.ExitCode);
        Assert.Contains($"live {symbol}: ", live.Error, StringComparison.Ordinal);
        Assert.Contains("all confirmed", live.Error, StringComparison.Ordinal);
        Assert.Contains("| 1 gaps repaired (", live.Error, StringComparison.Ordinal);
        var stats = await silo.Client.GetStatsAsync(symbol);
        var newest = stats.NewestTick!.Value.ToUnixTimeSeconds();
        Assert.True(newest >= now - 120, "the stop repaired up to the last complete minutes");
        Assert.Equal(Expected.Bars(server, "btcusd", 0, newest + 60).Count, stats.Accepted); // no gap, nothing twice
        Assert.Equal(0, stats.Duplicates);
    }

    [Fact]
    public async Task Backfill_pulls_the_range_with_a_summary_and_a_second_run_finds_nothing_left()
    {
        var symbol = SiloFixture.NewSymbol("BACKFILL");
        await using var server = await LocalBitstamp.StartAsync(TimeProvider.System);
        var from = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        server.Record("btcusd", new TradeMaker(seed: 52).Minutes(from, from + (3 * 86_400)));
        string[] args = ["backfill", "--symbol", symbol, "--source", "bitstamp", "--pair", "btcusd", "--rest-url", server.RestUrl.ToString(), "--from", "2024-01-01", "--to", "2024-01-02", "--gateway", silo.Gateway];

        var first = await Support.Cli.RunAsync(args);
        var second = await Support.Cli.RunAsync(args);

        var bars = Expected.Bars(server, "btcusd", from, from + (2 * 86_400));
        Assert.Equal(0, first.ExitCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"backfill {symbol} from bitstamp:btcusd, 2024-01-01 00:00Z to 2024-01-03 00:00Z: {bars.Count:N0} minutes with trades through 2024-01-02 23:"), first.Error, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"backfill {symbol}: nothing to fetch", second.Error, StringComparison.Ordinal);
        Assert.Equal(bars.Count, (await silo.Client.GetStatsAsync(symbol)).Accepted);
        Assert.All(server.Requests, r => Assert.True(r.ExcludeCurrent && !r.HadEnd && r.Start < from + (2 * 86_400)));
    }

    [Theory]
    [InlineData("unknown source 'nope'", "live", "--symbol", "X", "--source", "nope")]
    [InlineData("replay file not found: /nonexistent/ticks.csv", "live", "--symbol", "X", "--source", "replay:/nonexistent/ticks.csv")]
    [InlineData("symbol 'BTC/USD' has '/' at position 4", "live", "--symbol", "BTC/USD", "--source", "bitstamp")]
    [InlineData("'BTC-USD' is not a Bitstamp pair", "live", "--symbol", "X", "--source", "bitstamp", "--pair", "BTC-USD")]
    [InlineData("--ws-url must be an absolute ws:// or wss:// URL, not 'http://127.0.0.1:1/'", "live", "--symbol", "BTCUSD", "--source", "bitstamp", "--ws-url", "http://127.0.0.1:1/")]
    [InlineData("--rest-url must be an absolute http:// or https:// URL", "backfill", "--symbol", "BTCUSD", "--source", "bitstamp", "--from", "2024-01-01", "--rest-url", "ftp://127.0.0.1/")]
    [InlineData("backfill needs an exchange source (bitstamp)", "backfill", "--symbol", "X", "--source", "replay:x.csv", "--from", "2024-01-01")]
    [InlineData("--to 2024-01-01 is before --from 2024-01-05", "backfill", "--symbol", "BTCUSD", "--source", "bitstamp", "--from", "2024-01-05", "--to", "2024-01-01")]
    public async Task Mistakes_are_one_line_of_error_and_exit_code_2(string message, params string[] args)
    {
        var run = await Support.Cli.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("stream: error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_negative_replay_speed_is_refused()
    {
        var file = _files.Write("t.csv", "timestamp,open,high,low,close,volume\n1609459200,1,1,1,1,1\n");

        var run = await Support.Cli.RunAsync("live", "--symbol", "X", "--source", "replay:" + file, "--speed", "-1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the replay speed must be 0 (as fast as possible) or a positive factor, not -1", run.Error, StringComparison.Ordinal);
    }
}
