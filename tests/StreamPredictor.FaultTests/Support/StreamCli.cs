namespace StreamPredictor.FaultTests.Support;

/// <summary>The <c>stream</c> command: as a child process (the build output's stream.dll), or in this process for offline commands.</summary>
public static class StreamCli
{
    public static ChildProcess Start(string name, params string[] arguments) =>
        ChildProcess.Start(name, "dotnet", [Path.Combine(AppContext.BaseDirectory, "stream.dll"), .. arguments],
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" });

    /// <summary>Runs to the end; fails when it takes longer than <paramref name="deadline"/>.</summary>
    public static async Task<ChildProcess> RunAsync(string name, TimeSpan deadline, params string[] arguments)
    {
        var process = Start(name, arguments);
        if (!await process.WaitForExitAsync(deadline))
        {
            var tail = process.Tail();
            await process.DisposeAsync();
            throw new TimeoutException($"stream {string.Join(' ', arguments)} did not finish within {deadline.TotalSeconds:0} s:\n{tail}");
        }

        return process;
    }

    /// <summary><c>stream daily FILE</c> in this process: the CSV the cluster's days must equal.</summary>
    public static async Task<string> DailyAsync(string file)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await StreamPredictor.Cli.StreamCommand.RunAsync(["daily", file], output, error);
        return exit == 0 ? output.ToString() : throw new InvalidOperationException($"stream daily {file} failed: {error}");
    }
}
