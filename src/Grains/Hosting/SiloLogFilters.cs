using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StreamPredictor.Grains.Hosting;

/// <summary>
/// A silo's default log filters: Orleans' own categories and Polly (whose resilience pipelines log every placement
/// retry) at Warning, so a healthy silo writes little more than its start and stop. The rules go first in the list,
/// so configuration wins: <c>Logging:LogLevel:Orleans=Information</c> (or the environment variable
/// <c>Logging__LogLevel__Orleans=Information</c>, likewise <c>Polly</c>) turns them up.
/// </summary>
public static class SiloLogFilters
{
    private static readonly string[] Categories = ["Orleans", "Microsoft.Orleans", "Polly"];

    public static ILoggingBuilder AddStreamSiloFilters(this ILoggingBuilder logging)
    {
        logging.Services.Configure<LoggerFilterOptions>(options =>
        {
            foreach (var category in Categories.Reverse())
            {
                options.Rules.Insert(0, new LoggerFilterRule(null, category, LogLevel.Warning, null));
            }
        });
        return logging;
    }
}
