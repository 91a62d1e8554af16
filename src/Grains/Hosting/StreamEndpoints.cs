using System.Net;
using Orleans.Configuration;
using StreamPredictor.Connections.Tls;

namespace StreamPredictor.Grains.Hosting;

/// <summary>Where a silo's ports listen, and TLS on them when a certificate is configured.</summary>
public static class StreamEndpoints
{
    /// <summary>
    /// The embedded profile: one silo that is its own primary, listening on <see cref="StreamSiloOptions.ListenAddress"/>
    /// or loopback, so nothing off the machine reaches it unless asked for; Orleans' localhost clustering otherwise.
    /// </summary>
    public static ISiloBuilder AddEmbeddedEndpoints(this ISiloBuilder silo, StreamSiloOptions options)
    {
        var listen = ParseListenAddress(options.ListenAddress) ?? IPAddress.Loopback;
        var advertised = listen.Equals(IPAddress.Any) ? IPAddress.Loopback : listen;
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, new IPEndPoint(advertised, options.SiloPort));
        silo.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.AdvertisedIPAddress = advertised;
            Listen(endpoints, options, listen);
        });
        return silo.AddTls(options);
    }

    /// <summary>
    /// The cluster profile: the advertised address is Orleans' (<c>Orleans:Endpoints:AdvertisedIPAddress</c>);
    /// the ports listen on <see cref="StreamSiloOptions.ListenAddress"/>, or on the advertised address when unset.
    /// </summary>
    public static ISiloBuilder AddClusterEndpoints(this ISiloBuilder silo, StreamSiloOptions options)
    {
        var listen = ParseListenAddress(options.ListenAddress);
        silo.Configure<EndpointOptions>(endpoints => Listen(endpoints, options, listen));
        return silo.AddTls(options);
    }

    private static void Listen(EndpointOptions endpoints, StreamSiloOptions options, IPAddress? listen)
    {
        endpoints.SiloPort = options.SiloPort;
        endpoints.GatewayPort = options.GatewayPort;
        if (listen is not null)
        {
            endpoints.SiloListeningEndpoint = new IPEndPoint(listen, options.SiloPort);
            endpoints.GatewayListeningEndpoint = new IPEndPoint(listen, options.GatewayPort);
        }
    }

    private static ISiloBuilder AddTls(this ISiloBuilder silo, StreamSiloOptions options) =>
        options.Tls.IsEnabled ? silo.UseStreamTls(options.Tls, $"{StreamSiloOptions.SectionName}:Tls") : silo;

    private static IPAddress? ParseListenAddress(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : IPAddress.TryParse(value, out var address) ? address
        : throw new InvalidOperationException($"{StreamSiloOptions.SectionName}:ListenAddress '{value}' is not an IP address (use 0.0.0.0 for every interface)");
}
