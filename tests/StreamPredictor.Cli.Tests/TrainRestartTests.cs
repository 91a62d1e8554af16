using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Cli.Tests.Support;
using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Cli.Tests;

/// <summary>
/// Issue 7 item 13 and issue 10's "training survives the loss of the silo running it": the process running an embedded
/// silo is killed mid-training and started again on the same data directory.
/// </summary>
public sealed class TrainRestartTests : IDisposable
{
    private const string Symbol = "TRAIN-KILLED";
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_run_killed_with_its_silo_is_reported_lost_after_the_restart_and_train_works_again()
    {
        var data = _files.PathOf("silo-data");
        var file = _files.Write("days.csv", DailyFileTail(400));
        var ingest = await CliRun.RunAsync("ingest", file, "--symbol", Symbol, "--embedded", "--data", data);
        Assert.Equal(0, ingest.ExitCode);

        using (var training = StreamProcess.Start("train", "--symbol", Symbol, "--model", "rnn-seed", "--epochs", "1000", "--held-out", "30", "--embedded", "--data", data))
        {
            await WaitForLineAsync(training.StandardError, "rnn-seed: epoch 1/1000", TimeSpan.FromMinutes(3));
            training.Kill(entireProcessTree: true);
            await training.WaitForExitAsync();
        }

        await using var silo = await SiloHost.StartAsync(data);
        await using (var connection = await ClusterConnection.OpenAsync(false, o => o.Gateways.Add(silo.Gateway), null, CancellationToken.None))
        {
            var status = await connection.Cluster.GetGrain<ITrainerGrain>(ITrainerGrain.Key(Symbol, "rnn-seed")).GetStatusAsync();
            Assert.Equal(TrainingState.Failed, status.State);
            Assert.Contains("the silo running it was lost", status.Message, StringComparison.Ordinal);
            Assert.Empty(await connection.Client.GetModelsAsync(Symbol));
            Assert.Equal(0, (await connection.Client.GetForecastAsync(Symbol))!.ModelVersion);
        }

        var again = await CliRun.RunAsync("train", "--symbol", Symbol, "--model", "rnn-seed", "--epochs", "1", "--held-out", "30", "--gateway", silo.Gateway);

        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith($"{Symbol} rnn-seed version 1: held-out", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_the_trainer_refuses_is_one_line_of_error()
    {
        var data = _files.PathOf("silo-data");
        var file = _files.Write("days.csv", DailyFileTail(100));
        await CliRun.RunAsync("ingest", file, "--symbol", Symbol, "--embedded", "--data", data);

        var run = await CliRun.RunAsync("train", "--symbol", Symbol, "--model", "lstm", "--epochs", "0", "--embedded", "--data", data);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("stream: error: ", line, StringComparison.Ordinal);
        Assert.Contains("epochs", line, StringComparison.Ordinal);
    }

    /// <summary>The last <paramref name="days"/> rows of the shared daily file, in its own layout.</summary>
    private static string DailyFileTail(int days)
    {
        var lines = File.ReadAllLines(SharedData.PathOf(SharedData.Daily));
        return string.Join('\n', [lines[0], .. lines[^days..]]) + "\n";
    }

    private static async Task WaitForLineAsync(StreamReader reader, string text, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new InvalidOperationException($"the process ended before writing '{text}'");
    }
}
