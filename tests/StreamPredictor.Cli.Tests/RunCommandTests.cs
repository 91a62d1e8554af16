using StreamPredictor.Cli.Tests.Support;
using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task The_main_job_ingests_trains_scores_against_naive_forecasts_and_plots()
    {
        var plot = _files.PathOf("run.png");

        var run = await CliRun.RunAsync("run", SharedData.PathOf(SharedData.BitstampHourly), "--symbol", "BTCUSD",
            "--model", "mlp-seed", "--epochs", "2", "--data", _files.PathOf("data"), "--plot", plot);

        // last is registered first and, beating naive on the held-out days, becomes active; the two-epoch tutorial MLP does
        // not beat it, so the forecast printed is last's: the last close of the last closed day.
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("37,387 ticks accepted, 0 duplicates", run.Error, StringComparison.Ordinal);
        Assert.Contains("BTCUSD last version 1: held-out 2022-06-21..2022-08-19", run.Out, StringComparison.Ordinal);
        Assert.Contains("version 1 is now active", run.Out, StringComparison.Ordinal);
        Assert.Contains("BTCUSD mlp-seed version 2: held-out 2022-06-21..2022-08-19", run.Out, StringComparison.Ordinal);
        Assert.Contains("test window 2022-06-21 .. 2022-08-19 (60 days)", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\nnaive +462\.768 ", run.Out);
        Assert.Matches(@"\nlast +[0-9.]+ +[0-9.]+ +[0-9.]+ +0\.[0-9]{3} +1\.000 ", run.Out);
        Assert.Matches(@"\nmlp-seed +[0-9.]+ ", run.Out);
        var days = Grains.Market.DailyImport.Run(SharedData.PathOf(SharedData.BitstampHourly)).Days;
        var lastClose = days[^2].Close;   // the file's last day (2022-08-20) is still open
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"BTCUSD 2022-08-20: mean close {lastClose:F2}; 80 % ["), run.Out, StringComparison.Ordinal);
        Assert.Contains("(last v1, from days up to 2022-08-19)", run.Out, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(plot)[..4]);
    }

    [Fact]
    public async Task By_default_the_main_job_trains_the_feature_lstm_and_forecasts_with_the_active_model()
    {
        var run = await CliRun.RunAsync("run", SharedData.PathOf(SharedData.BitstampHourly), "--symbol", "BTCUSD",
            "--epochs", "2", "--data", _files.PathOf("data"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("BTCUSD last version 1: held-out 2022-06-21..2022-08-19", run.Out, StringComparison.Ordinal);
        Assert.Contains("BTCUSD lstm version 2: held-out 2022-06-21..2022-08-19", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\nnaive +462\.768 ", run.Out);
        Assert.Matches(@"\nlast +[0-9.]+ ", run.Out);
        Assert.Matches(@"\nlstm +[0-9.]+ ", run.Out);
        // The forecast printed is the active model's: the LSTM's only if it beat last on the held-out days.
        var active = run.Out.Contains("version 2 is now active", StringComparison.Ordinal) ? "lstm v2" : "last v1";
        Assert.Contains($"({active}, from days up to 2022-08-19)", run.Out, StringComparison.Ordinal);
    }
}
