namespace StreamPredictor.FaultTests.Support;

/// <summary>The <c>stream</c> command: as a child process (the build output's stream.dll), or in this process for offline commands.</summary>
public static class StreamCli
{
    public static ChildProcess Start(string name, params string[] arguments) =>
        ChildProcess.Start(name, "dotnet", [Program, .. arguments],
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" });

    /// <summary>
    /// The CLI's own build output. The copy beside this test assembly lacks the assemblies that this project takes from
    /// the ASP.NET Core framework (it references the silo), which the CLI, a plain console app, must carry itself.
    /// </summary>
    private static string Program { get; } = FindProgram();

    private static string FindProgram()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (here.Name, here.Parent!.Name);
        for (var folder = here; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StreamPredictor.sln")))
            {
                var built = Path.Combine(folder.FullName, "src", "Cli", "bin", configuration, framework, "stream.dll");
                return File.Exists(built) ? built : throw new FileNotFoundException($"build the CLI first: {built} is missing");
            }
        }

        throw new DirectoryNotFoundException($"no StreamPredictor.sln above {here.FullName}");
    }

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
