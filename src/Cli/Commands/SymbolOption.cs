using System.CommandLine;
using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Cli.Commands;

/// <summary>The <c>--symbol</c> option: required, and a valid <see cref="SymbolName"/> (refused while parsing).</summary>
public static class SymbolOption
{
    public static Option<string> Create() => new("--symbol", "-s")
    {
        Description = "Symbol the ticks belong to, e.g. BTCUSD: 1 to 32 characters of A-Z a-z 0-9 _ -.",
        Required = true,
        Validators = { OptionRule.Check<string>(symbol => SymbolName.Problem(symbol) is { } problem ? $"--symbol: {problem}" : null) },
    };
}
