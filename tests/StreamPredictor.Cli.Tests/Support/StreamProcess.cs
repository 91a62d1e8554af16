using System.Diagnostics;

namespace StreamPredictor.Cli.Tests.Support;

/// <summary>The <c>stream</c> command as a real child process (the build output's stream.dll), for tests that kill it.</summary>
public static class StreamProcess
{
    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "stream.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment.Remove("STREAM_LOG_LEVEL");
        return Process.Start(info)!;
    }

    /// <summary>Runs the command to its end; one still running after <paramref name="timeout"/> is killed and the run fails.</summary>
    public static async Task<CliRun> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        return await WaitAsync(process, timeout, args);
    }

    /// <summary>Waits for a started command to end and keeps what it wrote; kills it after <paramref name="timeout"/>.</summary>
    public static async Task<CliRun> WaitAsync(Process process, TimeSpan timeout, IEnumerable<string> args)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"'stream {string.Join(' ', args)}' still ran after {timeout}; stderr so far: {await error}");
        }

        return new CliRun(process.ExitCode, await output, await error);
    }
}
