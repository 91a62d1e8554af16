namespace StreamPredictor.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, progress, summaries and errors to <see cref="Error"/>.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool Interactive = false)
{
    public static CliConsole System { get; } = new(Console.Out, Console.Error, !Console.IsErrorRedirected);
}
