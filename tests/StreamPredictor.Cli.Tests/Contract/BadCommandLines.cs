using System.CommandLine;
using System.CommandLine.Help;

namespace StreamPredictor.Cli.Tests.Contract;

/// <summary>
/// Bad command lines for every command in the tree, made from what each command declares (its arguments and
/// options with their types), so a command added later is covered without touching the table. Each row starts
/// from a command line that would parse, and breaks one thing.
/// </summary>
public sealed class BadCommandLines(ContractFiles files, string unreachableGateway)
{
    private const string NotAValue = "not-a-value";

    public static IEnumerable<(string[] Path, Command Command)> Leaves(Command command, string[] path)
    {
        if (command.Subcommands.Count == 0)
        {
            yield return (path, command);
        }

        foreach (var sub in command.Subcommands)
        {
            foreach (var leaf in Leaves(sub, [.. path, sub.Name]))
            {
                yield return leaf;
            }
        }
    }

    public IEnumerable<CommandLineCase> For(RootCommand root)
    {
        yield return new CommandLineCase("no command", [], "required");
        yield return new CommandLineCase("an unknown command", ["no-such-command"], "no-such-command");
        foreach (var (path, command) in Leaves(root, []))
        {
            foreach (var row in For(path, command))
            {
                yield return row;
            }
        }
    }

    private IEnumerable<CommandLineCase> For(string[] path, Command command)
    {
        var options = command.Options.Where(o => o is not (HelpOption or VersionOption) && !o.Hidden).ToList();
        var arguments = command.Arguments.ToList();

        if (arguments.Count > 0 || options.Any(o => o.Required))
        {
            yield return new CommandLineCase("nothing given", path, "required");
        }

        yield return Row("an unknown option", path, command, extra: ["--no-such-option"], expected: "--no-such-option");
        yield return Row("an extra argument", path, command, extra: ["unexpected-extra"], expected: "unexpected-extra");

        foreach (var option in options.Where(o => IsTyped(o.ValueType)))
        {
            yield return Row($"{option.Name} not a value of its type", path, command, set: (option.Name, NotAValue), expected: option.Name);
        }

        if (options.FirstOrDefault(o => o.ValueType != typeof(bool)) is { } valued)
        {
            yield return Row($"{valued.Name} without its value", path, command, drop: valued.Name, extra: [valued.Name], expected: valued.Name);
        }

        foreach (var row in ValueRules(path, command, options))
        {
            yield return row;
        }

        if (arguments.FirstOrDefault(a => a.ValueType == typeof(FileInfo)) is not null)
        {
            yield return Row("a file that does not exist", path, command, file: files.Missing, expected: "no such file");
            yield return Row("a folder for the file", path, command, file: files.Folder, expected: "is a folder");
            yield return Row("a gzip file cut short", path, command, file: files.TruncatedGzip, expected: "truncated");
            yield return Row("a close of 1e19", path, command, file: files.AboveBound, expected: "field 'close'");
        }
    }

    /// <summary>Options whose values the CLI checks itself.</summary>
    private IEnumerable<CommandLineCase> ValueRules(string[] path, Command command, List<Option> options)
    {
        bool Has(string name) => options.Any(o => o.Name == name);

        if (Has("--symbol"))
        {
            yield return Row("a symbol with a dot", path, command, set: ("--symbol", "BRK.B"), expected: "BRK.B");
        }

        if (Has("--gateway"))
        {
            yield return Row("no silo at the gateway", path, command, expected: "cannot reach a silo");
            yield return Row("a gateway port that is not a number", path, command, set: ("--gateway", "localhost:abc"), expected: "localhost:abc");
            yield return Row("a gateway host that does not resolve", path, command, set: ("--gateway", "no-such-host.invalid:30000"), expected: "no-such-host.invalid");
        }

        foreach (var name in new[] { "--model", "--models" }.Where(Has))
        {
            yield return Row("an unknown model", path, command, set: (name, "no-such-model"), expected: "no-such-model");
        }

        if (Has("--target"))
        {
            yield return Row("an unknown target", path, command, set: ("--target", "no-such-target"), expected: "no-such-target");
        }

        if (Has("--data") && (Has("--embedded") || !Has("--gateway")))
        {
            yield return Row("a data folder that is a file", path, command, set: ("--data", files.Good), embedded: true, expected: "cannot start an embedded silo");
        }
    }

    private CommandLineCase Row(
        string why, string[] path, Command command,
        (string Name, string Value)? set = null, string? drop = null, string[]? extra = null, string? file = null,
        bool embedded = false, string? expected = null)
    {
        var args = new List<string>(path);
        foreach (var argument in command.Arguments)
        {
            args.Add(argument.ValueType == typeof(FileInfo) ? file ?? files.Good : ValidValue(argument.Name, argument.ValueType));
        }

        var values = new List<(string Name, string? Value)>();
        foreach (var option in command.Options.Where(o => o.Required))
        {
            values.Add((option.Name, ValidValue(option.Name, option.ValueType)));
        }

        if (command.Options.Any(o => o.Name == "--gateway"))
        {
            values.Add(("--gateway", unreachableGateway));
            values.Add(("--connect-timeout", "1"));
        }

        if (embedded && command.Options.Any(o => o.Name == "--embedded"))
        {
            values.RemoveAll(v => v.Name is "--gateway" or "--connect-timeout");
            values.Add(("--embedded", null));
        }

        if (command.Options.Any(o => o.Name == "--data"))
        {
            values.Add(("--data", files.NewFolder()));
        }

        if (set is { } replaced)
        {
            values.RemoveAll(v => v.Name == replaced.Name);
            values.Add(replaced);
        }

        values.RemoveAll(v => v.Name == drop);
        foreach (var (name, value) in values)
        {
            args.Add(name);
            if (value is not null)
            {
                args.Add(value);
            }
        }

        args.AddRange(extra ?? []);
        return new CommandLineCase(why, [.. args], expected);
    }

    private string ValidValue(string name, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when name == "--symbol" => "SYM",
            _ when name == "--source" => "bitstamp",
            _ when underlying == typeof(DirectoryInfo) => files.NewFolder(),
            _ when underlying == typeof(FileInfo) => files.Good,
            _ when underlying == typeof(DateOnly) => "2021-01-01",
            _ when underlying == typeof(bool) => "true",
            _ when underlying.IsEnum => Enum.GetNames(underlying)[0],
            _ when IsTyped(underlying) => "1",
            _ => "x",
        };
    }

    private static bool IsTyped(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsEnum || underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(double)
            || underlying == typeof(float) || underlying == typeof(decimal) || underlying == typeof(DateOnly)
            || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) || underlying == typeof(TimeSpan);
    }
}
