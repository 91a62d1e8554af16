namespace Stream.Cli.Tests.Backtesting;

/// <summary>Runs <c>stream</c> in-process on a file of <c>shared/data</c> and keeps what it wrote.</summary>
internal sealed record BacktestRun(int ExitCode, string Out, string Error)
{
    public static string DataFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return Path.Combine(candidate, name);
        }

        throw new DirectoryNotFoundException($"no shared/data above {AppContext.BaseDirectory}");
    }

    public static async Task<BacktestRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StreamCommand.RunAsync(args, output, error);
        return new BacktestRun(exitCode, output.ToString(), error.ToString());
    }
}
