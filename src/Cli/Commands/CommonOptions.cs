using System.CommandLine;

namespace StreamPredictor.Cli.Commands;

/// <summary>Options that several commands take, spelled the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<bool> SkipBad() => new("--skip-bad")
    {
        Description = "Skip rows that fail validation, count them by reason and report the counts, instead of stopping at the first.",
    };
}
