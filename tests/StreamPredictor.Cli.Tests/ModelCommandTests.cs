using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Cli.Tests.Support;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Cli.Tests;

/// <summary>How `stream forecast` and `stream models` show that forecasts do not come from the active version (issue 7 item 10).</summary>
public sealed class ModelCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Forecast_and_models_warn_when_the_active_version_cannot_be_loaded()
    {
        await using var silo = await SiloHost.StartAsync(_files.PathOf("data"));
        var file = _files.Write("days.csv", "timestamp,open,high,low,close,volume\n1609459200,10,11,9,10,1\n1609545600,20,21,19,20,1\n1609632000,30,31,29,30,1\n");
        await CliRun.RunAsync("ingest", file, "--symbol", "NEWER", "--gateway", silo.Gateway);
        await using (var connection = await ClusterConnection.OpenAsync(false, o => o.Gateways.Add(silo.Gateway), null, CancellationToken.None))
        {
            var version = new ModelVersion(0, "naive", DateTimeOffset.UtcNow, "test", false, 0, 0, default, default, 1, 1, 1, 1, 1);
            await connection.Cluster.GetGrain<IModelRegistryGrain>("NEWER").RegisterAsync(version, NaiveBlobOfANewerFormat(), 0, null);
        }

        var activate = await CliRun.RunAsync("models", "--symbol", "NEWER", "--activate", "1", "--gateway", silo.Gateway);
        var forecast = await CliRun.RunAsync("forecast", "--symbol", "NEWER", "--gateway", silo.Gateway);

        Assert.Equal(0, activate.ExitCode);
        Assert.Contains("*             1  naive", activate.Out, StringComparison.Ordinal);
        Assert.Equal(0, forecast.ExitCode);
        Assert.StartsWith("NEWER 2021-01-03: mean close 20.00", forecast.Out, StringComparison.Ordinal);
        var warning = $"stream: warning: NEWER: active model version 1 could not be loaded (model blob format {ModelBlob.FormatVersion + 1} is not supported (this build reads ";
        foreach (var error in new[] { activate.Error, forecast.Error })
        {
            Assert.StartsWith(warning, error, StringComparison.Ordinal);
            Assert.EndsWith("); forecasts come from the naive model until it loads\n", error, StringComparison.Ordinal);
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    /// <summary>A naive model's blob claiming the next blob format, as a newer silo might write it.</summary>
    private static byte[] NaiveBlobOfANewerFormat()
    {
        using var naive = new NaiveForecaster(ConformalCalibration.None);
        var blob = ModelBlob.ToBytes(naive);
        BitConverter.TryWriteBytes(blob.AsSpan(8, 4), ModelBlob.FormatVersion + 1);
        return blob;
    }
}
