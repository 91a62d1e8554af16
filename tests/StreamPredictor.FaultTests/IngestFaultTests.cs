using System.Globalization;
using StreamPredictor.Abstractions.Market;
using Xunit.Abstractions;

namespace StreamPredictor.FaultTests;

/// <summary>
/// A real file ingested through <c>stream ingest</c> into three silo processes on Redis and NATS, with a fault
/// injected as soon as the first batch has landed, while the client is still publishing. Each ends with the cluster's days equal to <c>stream daily</c>
/// on the file (nothing lost, nothing doubled), the client finishing or failing with one error line (after which
/// the same ingest is run again), and the longest stall written to fault-report.md.
/// </summary>
public sealed class IngestFaultTests(ITestOutputHelper output)
{
    private const string Symbol = "BTCUSDT";
    private static readonly TimeSpan IngestDeadline = TimeSpan.FromMinutes(3);

    [Fact]
    public Task Killing_the_silo_of_the_market_grain_then_starting_a_new_one_loses_and_doubles_nothing() =>
        RunAsync("SIGKILL the market grain's silo, start a new silo", async cluster =>
        {
            var client = await cluster.ObserverAsync();
            var victim = await cluster.HostOfAsync((GrainReference)client.GetGrain<IMarketGrain>(Symbol));
            await victim.Process.KillAsync();
            await cluster.StartSiloAsync();
            return $"killed {victim.Process.Name}";
        });

    [Fact]
    public Task Killing_and_restarting_redis_loses_and_doubles_nothing() =>
        RunAsync("SIGKILL redis-server, restart it after 3 s", async cluster =>
        {
            await cluster.Redis.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await cluster.Redis.RestartAsync();
            return "redis down 3 s";
        });

    [Fact]
    public Task Killing_and_restarting_nats_loses_and_doubles_nothing() =>
        RunAsync("SIGKILL nats-server, restart it after 3 s", async cluster =>
        {
            await cluster.Nats.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await cluster.Nats.RestartAsync();
            return "nats down 3 s";
        });

    [Fact]
    public Task Nats_stopped_for_more_than_a_minute_loses_and_doubles_nothing() =>
        RunAsync("SIGSTOP nats-server for 65 s, then SIGCONT", async cluster =>
        {
            await cluster.Nats.PauseAsync();
            await Task.Delay(TimeSpan.FromSeconds(65));
            await cluster.Nats.ResumeAsync();
            return "nats stopped 65 s";
        });

    private async Task RunAsync(string scenario, Func<FaultCluster, Task<string>> fault)
    {
        var file = SharedData.PathOf(SharedData.BinanceMinutes);
        var expected = await StreamCli.DailyAsync(file);
        var totalTicks = expected.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Sum(line => long.Parse(line.Split(',')[2], CultureInfo.InvariantCulture));

        await using var cluster = await FaultCluster.StartAsync(silos: 3);
        var market = (await cluster.ObserverAsync()).GetGrain<IMarketGrain>(Symbol);
        await using var watch = IngestWatch.Start(market);
        string[] ingestArguments = ["ingest", file, "--symbol", Symbol, "--batch", "1024", .. cluster.ClientArguments];

        await using var ingest = StreamCli.Start("stream ingest", ingestArguments);
        try
        {
            await watch.WaitForAcceptedAsync(1, IngestDeadline);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; stream ingest {(ingest.HasExited ? $"exited ({ingest.ExitCode})" : "still runs")}:\n{ingest.Tail()}", e);
        }

        Assert.False(ingest.HasExited, $"the ingest ended before the fault:\n{ingest.Output}");
        var faultAt = watch.Elapsed;
        var done = await fault(cluster);

        Assert.True(await ingest.WaitForExitAsync(IngestDeadline), $"stream ingest neither finished nor failed within {IngestDeadline.TotalMinutes} min after: {done}\n{ingest.Tail()}");
        var problems = new List<string>();
        var outcome = "finished";
        if (ingest.ExitCode != 0)
        {
            outcome = $"failed (exit {ingest.ExitCode}), re-run";
            problems.AddRange(ErrorLineProblems(ingest));
            await using var again = await StreamCli.RunAsync("stream ingest (again)", IngestDeadline, ingestArguments);
            if (again.ExitCode != 0)
            {
                problems.Add($"the re-run ingest failed too (exit {again.ExitCode}):\n{again.Tail()}");
            }
        }

        await using var days = await StreamCli.RunAsync("stream days", TimeSpan.FromMinutes(2), ["days", "--symbol", Symbol, .. cluster.ClientArguments]);
        Assert.True(days.ExitCode == 0, days.Output);
        var stall = watch.Stall(totalTicks);
        var difference = DayDifference.Describe(expected, days.StandardOutput);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {done} at {faultAt.TotalSeconds:F1} s | client {outcome} | longest stall {stall.LongestStall.TotalSeconds:F1} s (from {stall.StallStart.TotalSeconds:F1} s) | first to last tick {stall.FirstToLast.TotalSeconds:F1} s | days {(difference is null ? "equal" : "DIFFER")} |");
        output.WriteLine(line);
        FaultReport.Add(line);
        if (difference is not null)
        {
            problems.Insert(0, difference);
        }

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    /// <summary>A failed command says why in one line on standard error, with exit code 2 and no stack trace.</summary>
    private static IEnumerable<string> ErrorLineProblems(ChildProcess process)
    {
        var errors = process.ErrorLines.Count(l => l.StartsWith("stream: error:", StringComparison.Ordinal));
        var trace = process.ErrorLines.Any(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Unhandled exception", StringComparison.Ordinal));
        if (process.ExitCode != 2 || errors != 1 || trace)
        {
            yield return $"the failed ingest did not end with one 'stream: error:' line and exit code 2 (exit {process.ExitCode}, {errors} error lines, stack trace: {trace}):\n{string.Join('\n', process.ErrorLines.Take(12))}";
        }
    }
}
