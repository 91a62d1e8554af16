using System.CommandLine;

namespace StreamPredictor.Cli.Commands;

/// <summary>The <c>--symbol</c> option: required, any non-blank text.</summary>
public static class SymbolOption
{
    public static Option<string> Create() => new("--symbol", "-s")
    {
        Description = "Symbol the ticks belong to, e.g. BTCUSD.",
        Required = true,
    };
}
