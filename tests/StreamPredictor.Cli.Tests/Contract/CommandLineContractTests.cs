using StreamPredictor.Abstractions.Forecasting;
using System.CommandLine;
using System.CommandLine.Invocation;
using StreamPredictor.Cli.Tests.Support;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.Cli.Tests.Contract;

/// <summary>
/// The error contract of the <c>stream</c> command: every failure of every command is one line on standard error
/// starting <c>stream: error: </c>, exit code 2, nothing on standard output and no stack trace; <c>--help</c> still
/// prints help and exits 0.
/// </summary>
public sealed class CommandLineContractTests : IDisposable
{
    private const string Prefix = "stream: error: ";
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(5);

    private readonly ContractFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Every_command_given_bad_arguments_fails_with_one_line_on_stderr_and_exit_code_2()
    {
        var root = StreamCommand.Build(Quiet());
        var table = new BadCommandLines(_files, $"127.0.0.1:{EmbeddedSiloHost.FreePort()}").For(root).ToList();
        table.Add(new CommandLineCase("a training run refused before it starts (no closed day)", ["train", "--symbol", "EMPTY", "--model", "naive", "--embedded", "--data", _files.NewFolder()], "needs at least 63 closed days"));
        table.Add(new CommandLineCase("a main job whose training is refused (two days)", ["run", _files.Good, "--symbol", "TWO", "--model", "lstm", "--epochs", "1", "--data", _files.NewFolder()], $"needs at least {ModelNames.MinimumClosedDays(ModelNames.Lstm)} closed days", AfterProgress: true));

        var outcomes = await RunAllAsync(table);

        var failures = outcomes.Where(o => o.Problem is not null).Select(o => $"{o.Case}: {o.Problem}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {table.Count} command lines broke the contract:\n{string.Join('\n', failures)}");
        foreach (var (path, _) in BadCommandLines.Leaves(root, []))
        {
            Assert.True(table.Count(c => c.Args.AsSpan().StartsWith(path)) >= 4, $"stream {string.Join(' ', path)} has too few rows in the table");
        }
    }

    [Fact]
    public async Task Help_of_every_command_prints_usage_on_stdout_and_exits_0()
    {
        var root = StreamCommand.Build(Quiet());
        string[][] lines = [["--help"], .. BadCommandLines.Leaves(root, []).Select(leaf => (string[])[.. leaf.Path, "--help"])];

        foreach (var args in lines)
        {
            var run = await CliRun.RunAsync(args);

            Assert.True(run.ExitCode == 0, $"stream {string.Join(' ', args)} exited {run.ExitCode}: {run.Error}");
            Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
            Assert.Empty(run.Error);
        }
    }

    private static CliConsole Quiet() => new(TextWriter.Null, TextWriter.Null);

    /// <summary>
    /// Lines that fail while parsing run in this process (fast, and nothing can run on another thread); the rest,
    /// which read files, host silos or go to the network, run as real child processes, a few at a time.
    /// </summary>
    private static async Task<List<(CommandLineCase Case, string? Problem)>> RunAllAsync(List<CommandLineCase> table)
    {
        using var slots = new SemaphoreSlim(3);
        var runs = table.Select(async row =>
        {
            if (FailsWhileParsing(row.Args))
            {
                return (row, Check(row, await CliRun.RunAsync(row.Args)));
            }

            await slots.WaitAsync();
            try
            {
                return (row, Check(row, await StreamProcess.RunAsync(ProcessTimeout, row.Args)));
            }
            catch (TimeoutException e)
            {
                return (row, (string?)e.Message);
            }
            finally
            {
                slots.Release();
            }
        });
        return [.. await Task.WhenAll(runs)];
    }

    private static bool FailsWhileParsing(string[] args)
    {
        try
        {
            return StreamCommand.Build(Quiet()).Parse(args).Action is ParseErrorAction;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>What is wrong with the run against the contract, or null.</summary>
    private static string? Check(CommandLineCase row, CliRun run)
    {
        var error = run.Error.ReplaceLineEndings("\n");
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (run.ExitCode != 2)
        {
            return $"exit code {run.ExitCode}; stderr: {Shorten(error)}";
        }

        var errorLines = lines.Count(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        if (lines.Length == 0 || !error.EndsWith('\n') || errorLines != 1 || (lines.Length > 1 && !row.AfterProgress))
        {
            return $"{lines.Length} lines on stderr, {errorLines} of them error lines: {Shorten(error)}";
        }

        if (!lines[^1].StartsWith(Prefix, StringComparison.Ordinal) || lines.Any(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal)))
        {
            return $"the last line is not the error line, or there is a stack trace: {Shorten(error)}";
        }

        if (run.Out.Length > 0)
        {
            return $"wrote to stdout: {Shorten(run.Out)}";
        }

        return row.Expected is { } expected && !lines[^1].Contains(expected, StringComparison.OrdinalIgnoreCase)
            ? $"the error line does not mention '{expected}': {lines[^1]}"
            : null;
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
