using System.Buffers;

namespace StreamPredictor.Abstractions.Market;

/// <summary>
/// The one rule for symbol names, applied alike by the SDK, the CLI, the HTTP API and the grains, in both
/// profiles: 1 to 32 characters of <c>A–Z a–z 0–9 _ -</c>, case-sensitive. Anything else is refused before it is
/// sent: a dot becomes extra subject tokens on NATS (stored, never delivered), and a slash separates a trainer
/// grain's symbol from its model. Write <c>BTC-USD</c> or <c>BTCUSD</c> for <c>BTC/USD</c>.
/// </summary>
public static class SymbolName
{
    /// <summary>The longest symbol allowed: 32 characters.</summary>
    public const int MaxLength = 32;

    /// <summary>The rule as a regular expression, for documentation and OpenAPI.</summary>
    public const string Pattern = "^[A-Za-z0-9_-]{1,32}$";

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    /// <summary>Whether <paramref name="symbol"/> follows the rule.</summary>
    public static bool IsValid(string? symbol) => Problem(symbol) is null;

    /// <summary>Why <paramref name="symbol"/> is not a valid symbol name, or null when it is.</summary>
    public static string? Problem(string? symbol)
    {
        if (string.IsNullOrEmpty(symbol))
        {
            return "a symbol is required (1 to 32 characters of A-Z a-z 0-9 _ -)";
        }

        if (symbol.Length > MaxLength)
        {
            return $"symbol '{Shorten(symbol)}' is {symbol.Length} characters long; at most {MaxLength} are allowed";
        }

        var bad = symbol.AsSpan().IndexOfAnyExcept(Allowed);
        if (bad < 0)
        {
            return null;
        }

        var hint = symbol[bad] is '/' or '.' or ':' or ' '
            ? $"; write it as '{Suggest(symbol)}'"
            : string.Empty;
        return $"symbol '{symbol}' has '{symbol[bad]}' at position {bad + 1}: only A-Z a-z 0-9 _ - are allowed{hint}";
    }

    /// <summary>Returns <paramref name="symbol"/> when valid; throws <see cref="ArgumentException"/> saying why not.</summary>
    public static string Validate(string? symbol, string paramName = "symbol") =>
        Problem(symbol) is { } problem ? throw new ArgumentException(problem, paramName) : symbol!;

    private static string Suggest(string symbol)
    {
        var chars = symbol.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!Allowed.Contains(chars[i]))
            {
                chars[i] = '-';
            }
        }

        return new string(chars);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
