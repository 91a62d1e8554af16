using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace StreamPredictor.Client.Cluster;

/// <summary>Checks the cluster settings at start; each failure names its setting.</summary>
internal sealed class StreamClusterClientOptionsValidator : IValidateOptions<StreamClusterClientOptions>
{
    private static readonly string[] NatsSchemes = ["nats", "tls", "ws", "wss"];

    public ValidateOptionsResult Validate(string? name, StreamClusterClientOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            failures.Add($"{StreamClientOptions.SectionName}:{nameof(options.Redis)} is required for a cluster-profile client (the silos' Redis, e.g. redis:6379)");
        }
        else
        {
            try
            {
                ConfigurationOptions.Parse(options.Redis);
            }
            catch (ArgumentException e)
            {
                failures.Add($"{StreamClientOptions.SectionName}:{nameof(options.Redis)} '{options.Redis}' is not a Redis configuration string: {e.Message}");
            }
        }

        if (!Uri.TryCreate(options.NatsUrl, UriKind.Absolute, out var nats) || !NatsSchemes.Contains(nats.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{StreamClientOptions.SectionName}:{nameof(options.NatsUrl)} '{options.NatsUrl}' is not a NATS URL such as nats://localhost:4222");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
