using System.Net;
using Orleans.Configuration;
using StreamPredictor.Connections.Tls;

namespace StreamPredictor.Grains.Hosting;

/// <summary>Where a silo's ports listen, and TLS on them when a certificate is configured.</summary>
public static class StreamEndpoints
{
    /// <param name="defaultListenAddress">The interface to listen on when <see cref="StreamSiloOptions.ListenAddress"/> is unset; null keeps Orleans' choice (the advertised address).</param>
    public static ISiloBuilder AddStreamEndpoints(this ISiloBuilder silo, StreamSiloOptions options, IPAddress? defaultListenAddress)
    {
        var listen = ParseListenAddress(options.ListenAddress) ?? defaultListenAddress;
        silo.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.SiloPort = options.SiloPort;
            endpoints.GatewayPort = options.GatewayPort;
            if (listen is not null)
            {
                endpoints.SiloListeningEndpoint = new IPEndPoint(listen, options.SiloPort);
                endpoints.GatewayListeningEndpoint = new IPEndPoint(listen, options.GatewayPort);
                if (IPAddress.IsLoopback(listen))
                {
                    // A silo that listens on loopback only can be reached only there.
                    endpoints.AdvertisedIPAddress = listen;
                }
            }
        });

        if (options.Tls.IsEnabled)
        {
            silo.UseStreamTls(options.Tls, $"{StreamSiloOptions.SectionName}:Tls");
        }

        return silo;
    }

    private static IPAddress? ParseListenAddress(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : IPAddress.TryParse(value, out var address) ? address
        : throw new InvalidOperationException($"{StreamSiloOptions.SectionName}:ListenAddress '{value}' is not an IP address (use 0.0.0.0 for every interface)");
}
