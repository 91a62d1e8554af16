using System.CommandLine;
using System.CommandLine.Invocation;
using StreamPredictor.Cli.Commands;
using StreamPredictor.Cli.Commands.Live;
using StreamPredictor.Cli.Errors;

namespace StreamPredictor.Cli;

/// <summary>
/// The <c>stream</c> command line: builds the command tree and holds its error contract. Every failure of every
/// command, from a mistyped option to a cluster lost mid-way, is one line on standard error starting
/// <c>stream: error: </c> and exit code 2; nothing goes to standard output, and no stack trace anywhere.
/// </summary>
public static class StreamCommand
{
    public const int ExitBadInput = 2;

    public const string ErrorPrefix = "stream: error: ";

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliConsole(output, error, Interactive: ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected), cancellationToken);

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            // Ctrl-C cancels a command's token; `stream live` then confirms its last minutes, which may take longer than the 2 s default.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
        };

        try
        {
            var parse = Build(console).Parse(args);
            return parse.Action is ParseErrorAction
                ? Fail(console, ErrorLine.For(parse))
                : await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception e)
        {
            return Fail(console, ErrorLine.For(e));
        }
    }

    /// <summary>The command tree; tests walk it to try every command.</summary>
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("Stream: daily figures, forecasts and backtests from market ticks.");
        root.Subcommands.Add(DailyCommand.Create(console));
        root.Subcommands.Add(BacktestCommand.Create(console));
        root.Subcommands.Add(RunCommand.Create(console));
        root.Subcommands.Add(IngestCommand.Create(console));
        root.Subcommands.Add(DaysCommand.Create(console));
        root.Subcommands.Add(TrainCommand.Create(console));
        root.Subcommands.Add(ModelsCommand.Create(console));
        root.Subcommands.Add(ForecastCommand.Create(console));
        root.Subcommands.Add(LiveCommand.Create(console));
        root.Subcommands.Add(BackfillCommand.Create(console));
        return root;
    }

    /// <summary>Writes the error line; the exit code for every failure.</summary>
    public static int Fail(CliConsole console, string message)
    {
        console.Error.WriteLine(ErrorPrefix + ErrorLine.OneLine(message));
        return ExitBadInput;
    }
}
