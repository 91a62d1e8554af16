using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using StreamPredictor.Ticks;

namespace StreamPredictor.Cli.Errors;

/// <summary>
/// The one line a failure of the <c>stream</c> command prints after <c>stream: error: </c>: what went wrong, in the
/// caller's terms, never a stack trace. Input errors name the file, line and field themselves.
/// </summary>
public static partial class ErrorLine
{
    /// <summary>The parse errors of a command line, with a pointer to the command's help.</summary>
    public static string For(ParseResult parse)
    {
        var messages = parse.Errors.Select(e => Describe(e)).Distinct(StringComparer.Ordinal).ToList();
        var command = string.Join(' ', CommandPath(parse.CommandResult.Command));
        return $"{string.Join("; ", messages)} (see '{command} --help')";
    }

    /// <summary>An exception that ended a command.</summary>
    public static string For(Exception exception)
    {
        var e = Unwrap(exception);
        var message = e switch
        {
            TickFormatException or GzipFormatException or CliUsageException or CliFailureException => e.Message,
            OperationCanceledException => "cancelled",
            FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or PathTooLongException => e.Message,
            InvalidDataException => $"invalid data: {e.Message}",
            IOException => e.Message,
            OverflowException => $"a number is out of range: {e.Message}",
            SocketException => $"network: {e.Message}",
            TimeoutException when ResponseTimeout().Match(e.Message) is { Success: true } m => $"the cluster did not answer within {m.Groups["after"].Value}: is the silo still running?",
            TimeoutException => $"the cluster did not answer in time: {e.Message}",
            _ when IsOrleans(e) => $"lost the cluster: {e.Message}",
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        return OneLine(message);
    }

    /// <summary>Collapses line breaks (and the blanks around them) into "; ", so a message is one line.</summary>
    public static string OneLine(string message) =>
        LineBreaks().Replace(message.Trim(), "; ");

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            e = aggregate.InnerExceptions[0];
        }

        return e;
    }

    private static bool IsOrleans(Exception e) =>
        e.GetType().Namespace?.StartsWith("Orleans", StringComparison.Ordinal) == true;

    private static string Describe(ParseError error)
    {
        var match = CannotParse().Match(error.Message);
        if (!match.Success)
        {
            return error.Message.TrimEnd('.');
        }

        var (value, name, type) = (match.Groups["value"].Value, match.Groups["name"].Value, match.Groups["type"].Value);
        var expected = type switch
        {
            _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "a whole number",
            _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) => "a number",
            _ when type.Contains("DateOnly", StringComparison.Ordinal) => "a date (yyyy-mm-dd)",
            _ when type.Contains("DateTime", StringComparison.Ordinal) => "a date and time (ISO 8601)",
            _ when type.Contains("TimeSpan", StringComparison.Ordinal) => "a duration (hh:mm:ss)",
            _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
            _ => "valid here",
        };
        return $"{name}: '{value}' is not {expected}";
    }

    private static IEnumerable<string> CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command c; symbol = c.Parents.FirstOrDefault())
        {
            names.Insert(0, c is RootCommand ? "stream" : c.Name);
        }

        return names;
    }

    [GeneratedRegex(@"^Response did not arrive on time in (?<after>\S+) ")]
    private static partial Regex ResponseTimeout();

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|command|argument) '(?<name>[^']*)' as expected type '(?<type>[^']*)'")]
    private static partial Regex CannotParse();
}
