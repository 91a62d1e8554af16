using Microsoft.Extensions.Configuration;
using StreamPredictor.Connections.Tls;

namespace StreamPredictor.Client;

/// <summary>
/// TLS to the gateways (<c>Stream:Client:Tls</c>). Whether the connection uses TLS decides how the Orleans client is
/// built, so it is read when the client is registered: from configuration, then the registration's delegate.
/// </summary>
internal static class ClientTls
{
    public const string Section = $"{StreamClientOptions.SectionName}:{nameof(StreamClientOptions.Tls)}";

    public static void Use(IClientBuilder client, IConfiguration? configuration, Action<StreamClientOptions>? configure)
    {
        var snapshot = new StreamClientOptions();
        configuration?.GetSection(StreamClientOptions.SectionName).Bind(snapshot);
        configure?.Invoke(snapshot);
        if (snapshot.Tls.IsEnabled)
        {
            client.UseStreamTls(snapshot.Tls, Section);
        }
    }
}
