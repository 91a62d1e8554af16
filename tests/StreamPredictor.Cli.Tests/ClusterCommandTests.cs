using System.Text.Json;
using StreamPredictor.Cli.Tests.Support;
using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Cli.Tests;

public sealed class ClusterCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Ingest_then_days_through_a_gateway_print_the_lines_of_stream_daily()
    {
        await using var silo = await SiloHost.StartAsync(_files.PathOf("data"));
        var file = SharedData.PathOf(SharedData.CoinbaseMinutes);

        var ingest = await CliRun.RunAsync("ingest", file, "--symbol", "COINBASE", "--gateway", silo.Gateway);
        var days = await CliRun.RunAsync("days", "--symbol", "COINBASE", "--gateway", silo.Gateway);
        var daily = await CliRun.RunAsync("daily", file);

        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("12,423 ticks accepted, 0 duplicates", ingest.Error, StringComparison.Ordinal);
        Assert.Equal(0, days.ExitCode);
        Assert.Equal(daily.Out, days.Out);
    }

    [Fact]
    public async Task Ingest_of_a_gzip_file_cut_short_applies_nothing_and_is_one_error_line()
    {
        await using var silo = await SiloHost.StartAsync(_files.PathOf("data"));
        var whole = await File.ReadAllBytesAsync(SharedData.PathOf(SharedData.BinanceMinutes));
        var cut = _files.PathOf("cut.csv.gz");
        await File.WriteAllBytesAsync(cut, whole[..(whole.Length * 9 / 10)]);

        var ingest = await CliRun.RunAsync("ingest", cut, "--symbol", "CUT", "--gateway", silo.Gateway);
        var daily = await CliRun.RunAsync("daily", cut);

        Assert.Equal(2, ingest.ExitCode);
        Assert.Equal($"stream: error: {cut}: the file is truncated: it ends inside member 1, before its trailer (CRC-32 and size) is complete\n", ingest.Error.ReplaceLineEndings("\n"));
        Assert.Equal(2, daily.ExitCode);
        Assert.Equal(ingest.Error, daily.Error);
        Assert.Equal(0, (await silo.Grains.GetGrain<IMarketGrain>("CUT").GetStatsAsync()).Accepted);
    }

    [Fact]
    public async Task Ingest_of_a_file_with_a_close_above_the_bound_applies_nothing_and_is_one_error_line()
    {
        await using var silo = await SiloHost.StartAsync(_files.PathOf("data"));
        var rows = Enumerable.Range(0, 100).Select(i => FormattableString.Invariant($"{1_609_459_200 + (i * 60)},10,11,9,10,1"));
        var file = _files.Write("huge.csv", string.Join('\n', ["timestamp,open,high,low,close,volume", .. rows, "1609465260,10,11,9,1e19,1"]) + "\n");

        var ingest = await CliRun.RunAsync("ingest", file, "--symbol", "HUGE", "--gateway", silo.Gateway, "--batch", "10");
        var daily = await CliRun.RunAsync("daily", file);

        Assert.Equal(2, ingest.ExitCode);
        Assert.Equal($"stream: error: {file}:102: field 'close': 1e19 is above 1E+14, the largest price or volume a day's exact sums can hold\n", ingest.Error.ReplaceLineEndings("\n"));
        Assert.Equal(2, daily.ExitCode);
        Assert.Equal(ingest.Error, daily.Error);
        Assert.Equal(0, (await silo.Grains.GetGrain<IMarketGrain>("HUGE").GetStatsAsync()).Accepted);
    }

    [Fact]
    public async Task Forecast_json_names_the_day_it_is_for_and_the_model()
    {
        await using var silo = await SiloHost.StartAsync(_files.PathOf("data"));
        var file = _files.Write("two-days.csv", "timestamp,open,high,low,close,volume\n1609459200,10,11,9,10,1\n1609459260,20,21,19,20,1\n1609545600,30,31,29,30,1\n");

        await CliRun.RunAsync("ingest", file, "--symbol", "TWO", "--gateway", silo.Gateway);
        var forecast = await CliRun.RunAsync("forecast", "--symbol", "TWO", "--json", "--gateway", silo.Gateway);

        Assert.Equal(0, forecast.ExitCode);
        using var json = JsonDocument.Parse(forecast.Out);
        Assert.Equal("2021-01-02", json.RootElement.GetProperty("forDate").GetString());
        Assert.Equal("2021-01-01", json.RootElement.GetProperty("basedOn").GetString());
        Assert.Equal(15, json.RootElement.GetProperty("value").GetDouble());
        Assert.Equal("naive", json.RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Forecast_shows_the_open_days_nowcast_and_the_next_days_forecast_in_text_and_json()
    {
        await using var silo = await SiloHost.StartAsync(_files.PathOf("data"));
        var file = _files.Write("two-days.csv", "timestamp,open,high,low,close,volume\n1609459200,10,11,9,10,1\n1609459260,20,21,19,20,1\n1609545600,30,31,29,30,1\n");
        await CliRun.RunAsync("ingest", file, "--symbol", "OPEN", "--gateway", silo.Gateway);

        // The forecast grain hears of the open day one-way after the batch is stored: poll until it has.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement nowcast;
        while (true)
        {
            var run = await CliRun.RunAsync("forecast", "--symbol", "OPEN", "--json", "--gateway", silo.Gateway);
            Assert.Equal(0, run.ExitCode);
            nowcast = JsonDocument.Parse(run.Out).RootElement.Clone().GetProperty("nowcast");
            if (nowcast.ValueKind == JsonValueKind.Object && nowcast.GetProperty("ticks").GetInt32() == 1 || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(100);
        }

        // Day 2 has one tick, at midnight (0 % of the day): the rest of the day is its close, 30, moved by naive's drift
        // from day 1's close (20) to day 1's mean (15): 30 × 15 / 20.
        Assert.Equal("2021-01-02", nowcast.GetProperty("date").GetString());
        Assert.Equal(0, nowcast.GetProperty("elapsedShare").GetDouble());
        Assert.Equal(30, nowcast.GetProperty("lastPrice").GetDouble());
        Assert.Equal(22.5, nowcast.GetProperty("value").GetDouble(), 9);
        Assert.Equal("2021-01-03", nowcast.GetProperty("nextDay").GetProperty("forDate").GetString());
        Assert.Equal("2021-01-02", nowcast.GetProperty("nextDay").GetProperty("basedOn").GetString());

        var text = await CliRun.RunAsync("forecast", "--symbol", "OPEN", "--gateway", silo.Gateway);
        var lines = text.Out.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("OPEN 2021-01-02: mean close 15.00", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("OPEN 2021-01-02 (open, 0 % of the day elapsed; 1 ticks, mean so far 30.00, last 30.00 at 00:00:00): nowcast of the mean close 22.50", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("OPEN 2021-01-03: mean close 22.50", lines[2], StringComparison.Ordinal);
        Assert.Contains("next day, from the open day 2021-01-02 so far", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symbol_without_a_closed_day_has_no_forecast_and_says_why()
    {
        await using var silo = await SiloHost.StartAsync(_files.PathOf("data"));

        var forecast = await CliRun.RunAsync("forecast", "--symbol", "NOTHING", "--gateway", silo.Gateway);

        Assert.Equal(2, forecast.ExitCode);
        Assert.Contains("NOTHING has no forecast yet", forecast.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_silo_at_the_gateway_is_one_line_of_error()
    {
        var run = await CliRun.RunAsync("days", "--symbol", "X", "--gateway", "127.0.0.1:1", "--connect-timeout", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("stream: error: cannot reach a silo at 127.0.0.1:1", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_cluster_behind_a_redis_string_is_one_line_that_keeps_its_password_out()
    {
        var run = await CliRun.RunAsync("days", "--symbol", "X", "--redis", "127.0.0.1:1,password=hunter2,user=ops", "--connect-timeout", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("stream: error: cannot reach a silo through Redis 127.0.0.1:1 (", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Out, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
