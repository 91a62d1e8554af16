using StreamPredictor.Cli.Tests.Support;
using StreamPredictor.Grains.Tests.Support;
using Xunit.Abstractions;

namespace StreamPredictor.Cli.Tests;

public sealed class LostClusterTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Losing_the_silo_in_the_middle_of_an_ingest_is_one_error_line_and_exit_code_2()
    {
        const long FileTicks = 399_791;
        var silo = await SiloHost.StartAsync(_files.PathOf("data"));
        string[] args = ["ingest", SharedData.PathOf(SharedData.BinanceMinutes), "--symbol", "LOST", "--gateway", silo.Gateway, "--batch", "16"];
        using var ingest = StreamProcess.Start(args);
        var run = StreamProcess.WaitAsync(ingest, TimeSpan.FromMinutes(5), args);

        var accepted = await AcceptedOnceUnderWayAsync(silo, TimeSpan.FromMinutes(3));
        await silo.DisposeAsync();
        var result = await run;

        Assert.InRange(accepted, 1, FileTicks - 1);
        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        output.WriteLine($"after {accepted:N0} ticks accepted: {line}");
        Assert.StartsWith("stream: error: ", line, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    /// <summary>The ticks the symbol has accepted, as soon as it has accepted some (the ingest is then under way).</summary>
    private static async Task<long> AcceptedOnceUnderWayAsync(SiloHost silo, TimeSpan timeout)
    {
        var market = silo.Grains.GetGrain<IMarketGrain>("LOST");
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var accepted = (await market.GetStatsAsync()).Accepted;
            if (accepted > 0)
            {
                return accepted;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"the ingest had not delivered a tick after {timeout}");
    }
}
