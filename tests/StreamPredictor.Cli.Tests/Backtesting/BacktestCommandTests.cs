using StreamPredictor.Cli.Tests.Support;
using StreamPredictor.Grains.Tests.Support;
using System.Text.Json;

namespace StreamPredictor.Cli.Tests.Backtesting;

public sealed class BacktestCommandTests : IDisposable
{
    private static readonly string Bitstamp = SharedData.PathOf("bitstamp_btcusd_1h_2018-2022.kaggle.csv");
    private readonly string _dir = Directory.CreateTempSubdirectory("stream-backtest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Naive_backtest_prints_the_reference_figures_and_writes_json()
    {
        var json = Path.Combine(_dir, "result.json");

        var run = await CliRun.RunAsync("backtest", Bitstamp, "--models", "naive", "--json", json);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("test window 2022-06-22 .. 2022-08-20 (60 days)", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"naive\s+464\.668\s+574\.822", run.Out);
        using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(json));
        Assert.Equal("2022-06-22", doc.RootElement.GetProperty("test").GetProperty("from").GetString());
        Assert.Equal(60, doc.RootElement.GetProperty("test").GetProperty("days").GetInt32());
        Assert.Equal(464.668, doc.RootElement.GetProperty("models")[0].GetProperty("mae").GetDouble(), 1e-3);
    }

    [Fact]
    public async Task Folds_add_a_rolling_origin_table()
    {
        var run = await CliRun.RunAsync("backtest", Bitstamp, "--models", "naive", "--test-days", "30", "--folds", "4");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("test window 2022-07-22 .. 2022-08-20 (30 days)", run.Out, StringComparison.Ordinal);
        Assert.Contains("rolling origin: 4 earlier windows of 30 days, 2022-03-24 .. 2022-07-21", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"naive\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+1\.000\s+[\d.]+\s+[\d.]+\s+0/4\s+0/4", run.Out);
        Assert.Matches(@"per fold, oldest first: MASE \| vs last\n", run.Out);
    }

    [Fact]
    public async Task Plot_is_written_as_a_png()
    {
        var png = Path.Combine(_dir, "test.png");

        var run = await CliRun.RunAsync("backtest", Bitstamp, "--models", "naive", "--plot", png);

        Assert.Equal(0, run.ExitCode);
        var bytes = await File.ReadAllBytesAsync(png);
        Assert.True(bytes.Length > 10_000);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    [Fact]
    public async Task Network_backtest_reports_progress_mase_and_interval_coverage()
    {
        var json = Path.Combine(_dir, "mlp.json");

        var run = await CliRun.RunAsync("backtest", Bitstamp, "--models", "naive,mlp-seed", "--epochs", "3", "--validation", "0.2", "--json", json);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("mlp-seed test: epoch 3/3 loss", run.Error, StringComparison.Ordinal);
        Assert.Matches(@"mlp-seed\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+3\s+80%:\d+% 95%:\d+%", run.Out);
        using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(json));
        var models = doc.RootElement.GetProperty("models");
        var naiveMae = models[0].GetProperty("mae").GetDouble();
        var mlp = models[1];
        Assert.Equal("mlp-seed", mlp.GetProperty("name").GetString());
        Assert.Equal(mlp.GetProperty("mae").GetDouble() / naiveMae, mlp.GetProperty("mase").GetDouble(), 9);
        Assert.Equal(mlp.GetProperty("mase").GetDouble() * 464.668 / 243.809, mlp.GetProperty("maeVsLast").GetDouble(), 4);
        Assert.Equal(3, mlp.GetProperty("epochs").GetInt32());
        Assert.Equal(2, mlp.GetProperty("coverage").GetArrayLength());
    }

    [Fact]
    public async Task Last_is_scored_against_naive_and_naive_against_last()
    {
        var json = Path.Combine(_dir, "last.json");

        var run = await CliRun.RunAsync("backtest", Bitstamp, "--models", "naive,last", "--json", json);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"naive\s+464\.668\s+574\.822\s+2\.126\s+1\.000\s+1\.906\s", run.Out);
        Assert.Matches(@"last\s+243\.809\s+[\d.]+\s+[\d.]+\s+0\.525\s+1\.000\s", run.Out);
        using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(json));
        var last = doc.RootElement.GetProperty("models")[1];
        Assert.Equal("last", last.GetProperty("name").GetString());
        Assert.Equal(243.809, last.GetProperty("mae").GetDouble(), 1e-3);
        Assert.Equal(1.0, last.GetProperty("maeVsLast").GetDouble(), 12);
        Assert.Equal(2, last.GetProperty("coverage").GetArrayLength());
    }

    [Fact]
    public async Task Nowcast_replays_the_test_window_and_draws_the_error_through_the_day()
    {
        var json = Path.Combine(_dir, "nowcast.json");
        var png = Path.Combine(_dir, "test.png");

        var run = await CliRun.RunAsync("backtest", Bitstamp, "--models", "last", "--nowcast", "--json", json, "--plot", png);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("nowcast of the held-out days' means, replayed tick by tick (60 days)", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\nrule\s+243\.8\s+192\.5\s+121\.7\s+44\.6\s+5\.0\n", run.Out);
        Assert.Matches(@"\nlast\s+243\.8\s+192\.5\s+121\.7\s+44\.6\s+5\.0\n", run.Out);
        Assert.Matches(@"last 80%(\s+\d+){5}", run.Out);
        using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(json));
        var nowcast = doc.RootElement.GetProperty("nowcast");
        Assert.Equal(24, nowcast.GetProperty("hours").GetArrayLength());
        Assert.Equal(5.0, nowcast.GetProperty("rule")[23].GetDouble(), 0.05);
        Assert.Equal(24, nowcast.GetProperty("models")[0].GetProperty("coverage")[0].GetProperty("share").GetArrayLength());
        var figure = await File.ReadAllBytesAsync(Path.Combine(_dir, "test-nowcast.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], figure[..4]);
    }

    [Theory]
    [InlineData("--models", "naive,prophet", "unknown model 'prophet'")]
    [InlineData("--target", "level", "'level' is neither price nor log-return")]
    [InlineData("--epochs", "0", "Epochs")]
    [InlineData("--test-days", "2000", "too few")]
    public async Task Bad_options_are_one_line_errors(string option, string value, string message)
    {
        var run = await CliRun.RunAsync("backtest", Bitstamp, option, value);

        Assert.Equal(StreamCommand.ExitBadInput, run.ExitCode);
        Assert.StartsWith("stream: error: ", run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Missing_file_is_a_one_line_error()
    {
        var run = await CliRun.RunAsync("backtest", Path.Combine(_dir, "nope.csv"), "--models", "naive");

        Assert.Equal(StreamCommand.ExitBadInput, run.ExitCode);
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
    }
}
