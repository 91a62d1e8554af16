namespace StreamPredictor.Cli.Tests.Contract;

/// <summary>
/// One row of the contract table: a command line, what is wrong with it, and a fragment its error line must
/// contain (so the row fails for the reason it says; null where the wording is not ours to fix). A row that
/// fails after doing part of its job (<paramref name="AfterProgress"/>) may have printed summaries on standard
/// error before its error line, which must then be the last.
/// </summary>
public sealed record CommandLineCase(string Why, string[] Args, string? Expected, bool AfterProgress = false)
{
    public override string ToString() => $"stream {string.Join(' ', Args)}  ({Why})";
}
