using System.CommandLine;
using StreamPredictor.Cli.Commands;
using StreamPredictor.Client;
using StreamPredictor.Grains.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Cli;

/// <summary>The <c>stream</c> command line: builds the command tree and turns known failures into one-line errors.</summary>
public static class StreamCommand
{
    public const int ExitBadInput = 2;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliConsole(output, error, Interactive: ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected), cancellationToken);

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
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

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await root.Parse(args).InvokeAsync(configuration, cancellationToken);
        }
        catch (TickFormatException e)
        {
            return Fail(console, e.Message);
        }
        catch (CliUsageException e)
        {
            return Fail(console, e.Message);
        }
        catch (StreamClientException e)
        {
            return Fail(console, e.Message);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return Fail(console, e.Message);
        }
        catch (OperationCanceledException)
        {
            return Fail(console, "cancelled");
        }
    }

    private static int Fail(CliConsole console, string message)
    {
        console.Error.WriteLine($"stream: error: {message}");
        return ExitBadInput;
    }
}
