using StreamPredictor.Cli;

namespace StreamPredictor.Sources.Tests.Support;

/// <summary>The <c>stream</c> command run in-process; the token plays Ctrl-C.</summary>
public sealed record Cli(int ExitCode, string Out, string Error)
{
    public static async Task<Cli> RunAsync(CancellationToken ctrlC, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StreamCommand.RunAsync(args, TextWriter.Synchronized(output), TextWriter.Synchronized(error), ctrlC);
        return new Cli(exitCode, output.ToString(), error.ToString());
    }

    public static Task<Cli> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);
}
