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
        return Process.Start(info)!;
    }

    public static async Task<CliRun> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return new CliRun(process.ExitCode, await output, await error);
    }
}
