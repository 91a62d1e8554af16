using System.Globalization;

namespace StreamPredictor.Cli;

/// <summary>The <c>--gateway HOST:PORT</c> rule, checked while parsing so that a typo is a usage error, not a crash.</summary>
public static class GatewayAddress
{
    /// <summary>Why <paramref name="value"/> is not HOST:PORT, or null when it is.</summary>
    public static string? Problem(string? value)
    {
        var colon = value?.LastIndexOf(':') ?? -1;
        if (value is null || colon <= 0)
        {
            return $"--gateway '{value}' is not HOST:PORT";
        }

        var port = value[(colon + 1)..];
        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65_535
            ? null
            : $"--gateway '{value}': the port '{port}' is not a number from 1 to 65535";
    }
}
