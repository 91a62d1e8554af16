using System.Globalization;

namespace StreamPredictor.Cli.Commands;

/// <summary>A figure against <c>last</c> as the tables print it: "-" for a version registered before it was kept.</summary>
internal static class VsLastText
{
    public static string Of(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
