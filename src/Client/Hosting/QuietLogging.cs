using Microsoft.Extensions.Logging;

namespace StreamPredictor.Client;

/// <summary>
/// The SDK's default log filters: Orleans' own categories at Warning, so connecting writes nothing unless something
/// is wrong. They go first in the rule list, so any rule from configuration or code for the same category wins:
/// <c>Logging:LogLevel:Orleans=Information</c> (or <c>Logging__LogLevel__Orleans=Information</c>) turns them up.
/// </summary>
internal static class QuietLogging
{
    public static readonly string[] Categories = ["Orleans", "Microsoft.Orleans"];

    public static void Apply(LoggerFilterOptions options)
    {
        foreach (var category in Categories.Reverse())
        {
            options.Rules.Insert(0, new LoggerFilterRule(null, category, LogLevel.Warning, null));
        }
    }
}
