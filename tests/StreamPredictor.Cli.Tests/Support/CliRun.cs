namespace StreamPredictor.Cli.Tests.Support;

/// <summary>Runs the <c>stream</c> command in-process and keeps what it wrote.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StreamCommand.RunAsync(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
