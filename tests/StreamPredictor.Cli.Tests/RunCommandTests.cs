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

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("37,387 ticks accepted, 0 duplicates", run.Error, StringComparison.Ordinal);
        Assert.Contains("BTCUSD mlp-seed version 1: held-out 2022-06-21..2022-08-19", run.Out, StringComparison.Ordinal);
        Assert.Contains("test window 2022-06-21 .. 2022-08-19 (60 days)", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\nnaive +462\.768 ", run.Out);
        Assert.Matches(@"BTCUSD 2022-08-20: mean close [0-9.]+; 80 % \[[0-9.]+, [0-9.]+\], 95 % ", run.Out);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(plot)[..4]);
    }
}
