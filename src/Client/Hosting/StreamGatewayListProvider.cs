using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Runtime;

namespace StreamPredictor.Client;

/// <summary>
/// The configured gateways, parsed and resolved when the client connects (and each time it refreshes its list), not
/// when the client is registered. A name that does not resolve fails naming its <c>Stream:Client:Gateways</c> entry.
/// </summary>
internal sealed class StreamGatewayListProvider(IOptions<StreamClientOptions> options, IOptions<GatewayOptions> gatewayOptions) : IGatewayListProvider
{
    public TimeSpan MaxStaleness => gatewayOptions.Value.GatewayListRefreshPeriod;

    [Obsolete("Orleans no longer reads it; every provider is considered updatable.")]
    public bool IsUpdatable => true;

    public Task InitializeGatewayListProvider() => Task.CompletedTask;

    public async Task<IList<Uri>> GetGateways()
    {
        var configured = options.Value.Gateways;
        if (configured.Count == 0)
        {
            return [new IPEndPoint(IPAddress.Loopback, options.Value.GatewayPort).ToGatewayUri()];
        }

        var gateways = new List<Uri>(configured.Count);
        for (var i = 0; i < configured.Count; i++)
        {
            var setting = $"{StreamClientOptions.SectionName}:{nameof(StreamClientOptions.Gateways)}:{i}";
            if (!GatewayAddress.TryParse(configured[i], out var address, out var problem))
            {
                throw new StreamClientException(StreamClientError.InvalidRequest, $"{setting} '{configured[i]}' is not HOST:PORT: {problem}");
            }

            gateways.Add(new IPEndPoint(await ResolveAsync(address, setting), address.Port).ToGatewayUri());
        }

        return gateways;
    }

    private static async Task<IPAddress> ResolveAsync(GatewayAddress address, string setting)
    {
        if (IPAddress.TryParse(address.Host, out var ip))
        {
            return ip;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(address.Host);
            return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? addresses.FirstOrDefault()
                ?? throw new SocketException((int)SocketError.HostNotFound);
        }
        catch (SocketException e)
        {
            // An unknown name is a bad setting (fail now); a lookup that could not be made may be retried.
            var error = e.SocketErrorCode == SocketError.HostNotFound ? StreamClientError.InvalidRequest : StreamClientError.Unavailable;
            throw new StreamClientException(error, $"{setting} '{address}': cannot resolve host '{address.Host}': {e.Message}", e);
        }
    }
}
