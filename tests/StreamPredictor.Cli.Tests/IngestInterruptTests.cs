using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamPredictor.Cli.Tests.Support;
using StreamPredictor.Grains.Hosting;
using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Cli.Tests;

/// <summary>Ctrl-C during <c>stream ingest</c>: the command stops promptly with one line saying what the cluster confirmed.</summary>
public sealed partial class IngestInterruptTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Ctrl_C_stops_ingest_promptly_with_one_line_saying_what_was_confirmed()
    {
        const string symbol = "INTERRUPTED";
        var options = new StreamSiloOptions { DataDirectory = _files.PathOf("silo"), SiloPort = 0, GatewayPort = 0 };
        using var silo = EmbeddedSiloHost.Build(options, LogLevel.Error);
        await silo.StartAsync();
        var market = silo.Services.GetRequiredService<IClusterClient>().GetGrain<IMarketGrain>(symbol);

        // Small batches make the ingest long (thousands of batches), so the signal lands in the middle of it.
        using var ingest = StartWithDefaultInterrupt("ingest", SharedData.PathOf(SharedData.BinanceMinutes), "--symbol", symbol,
            "--gateway", $"127.0.0.1:{options.GatewayPort}", "--batch", "16");
        var output = ingest.StandardOutput.ReadToEndAsync();
        var error = ingest.StandardError.ReadToEndAsync();
        await WaitUntilAsync(async () => (await market.GetStatsAsync()).Accepted > 0, TimeSpan.FromMinutes(2));

        using (var kill = Process.Start("kill", ["-INT", ingest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var exitDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await ingest.WaitForExitAsync(exitDeadline.Token);
        var lines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, ingest.ExitCode);
        var line = Assert.Single(lines);
        var said = Cancelled().Match(line);
        Assert.True(said.Success, line);
        Assert.Equal(string.Empty, await output);

        // Nothing was published after the line: once a later batch of the stream lands, the grain has counted exactly
        // the batches the line says were sent.
        var sent = long.Parse(said.Groups["sent"].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        var confirmed = long.Parse(said.Groups["confirmed"].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(confirmed, 1, sent);
        await market.IngestAsync(new TickBatch(symbol, [new Tick(4_000_000_000, 1, 1, 1, 1, 1)]));
        Assert.Equal(sent + 1, (await market.GetStatsAsync()).Batches);
        await silo.StopAsync();
    }

    /// <summary>
    /// <c>stream</c> as a child process that takes SIGINT as a terminal's Ctrl-C does. A process started in the
    /// background of a non-interactive shell (as test runners are) inherits SIGINT ignored, and .NET leaves an
    /// ignored SIGINT ignored; coreutils' <c>env --default-signal</c> restores the default before starting it.
    /// </summary>
    private static Process StartWithDefaultInterrupt(params string[] args)
    {
        var info = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "stream.dll"), .. args])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(info)!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within {timeout}");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"^stream: error: ingest cancelled: INTERRUPTED: (?<confirmed>[\d,]+) of (?<sent>[\d,]+) batches confirmed .*; run the same command again to resume")]
    private static partial Regex Cancelled();
}
