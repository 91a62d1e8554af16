using Orleans;
using Orleans.Streaming.NATS;

namespace StreamPredictor.Connections.Services;

/// <summary>
/// Logs a NATS stream provider's options at start without secrets. The provider's default formatter prints
/// the whole client options record: the URL with its user information, passwords, tokens and key passwords.
/// This one prints the URL without user information and only whether credentials are set.
/// </summary>
public sealed class RedactedNatsOptionsFormatter(string name, NatsOptions options) : IOptionFormatter<NatsOptions>
{
    public string Name { get; } = $"{typeof(NatsOptions).FullName}-{name}";

    public IEnumerable<string> Format()
    {
        var client = options.NatsClientOptions;
        yield return $"StreamName: {options.StreamName}";
        if (client is not null)
        {
            var auth = client.AuthOpts;
            var credentials = new[]
            {
                (Set: !string.IsNullOrEmpty(auth.Username) || HasUserInfo(client.Url), Name: "user"),
                (Set: !string.IsNullOrEmpty(auth.Token), Name: "token"),
                (Set: !string.IsNullOrEmpty(auth.CredsFile) || !string.IsNullOrEmpty(auth.Creds), Name: "credentials file"),
                (Set: !string.IsNullOrEmpty(auth.NKeyFile) || !string.IsNullOrEmpty(auth.Seed), Name: "nkey"),
            }.Where(c => c.Set).Select(c => c.Name).ToArray();
            yield return $"Url: {NatsAuth.Redacted(client.Url)}";
            yield return $"Credentials: {(credentials.Length == 0 ? "none" : string.Join(", ", credentials) + " (redacted)")}";
            yield return $"Tls: {client.TlsOpts.Mode}{(string.IsNullOrEmpty(client.TlsOpts.CaFile) ? "" : $", CA {client.TlsOpts.CaFile}")}";
        }

        yield return $"BatchSize: {options.BatchSize}";
        yield return $"PartitionCount: {options.PartitionCount}";
        yield return $"ProducerCount: {options.ProducerCount}";
        yield return $"NumReplicas: {options.NumReplicas}";
        yield return $"StorageType: {options.StorageType}";
    }

    private static bool HasUserInfo(string urls) => urls.Split(',').Any(url =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0);
}
