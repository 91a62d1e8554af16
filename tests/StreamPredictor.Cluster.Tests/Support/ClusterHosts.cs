using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using StreamPredictor.Client.Cluster;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.Cluster.Tests.Support;

/// <summary>Silos and clients of the cluster profile, each a host of its own in this process, all on loopback.</summary>
public static class ClusterHosts
{
    public const string ClusterId = "stream-tests";

    /// <summary>A silo configured the way a deployment is: <c>Stream:Silo:Profile = cluster</c> through <see cref="StreamSiloBuilderExtensions.UseStream"/>.</summary>
    public static async Task<IHost> StartSiloAsync(ClusterServices services)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stream:Silo:Profile"] = "cluster",
            ["Stream:Silo:Redis"] = services.Redis,
            ["Stream:Silo:NatsUrl"] = services.NatsUrl,
            ["Stream:Silo:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Stream:Silo:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = ClusterId,
            ["Orleans:ServiceId"] = ClusterId,
            ["Orleans:Endpoints:AdvertisedIPAddress"] = "127.0.0.1",
        });
        builder.UseOrleans(silo => silo.UseStream(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>A client that finds the gateways in Redis and publishes straight to NATS.</summary>
    public static async Task<IHost> StartClientAsync(ClusterServices services)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = ClusterId,
            ["Orleans:ServiceId"] = ClusterId,
        });
        builder.UseOrleansClient(client => client.UseStreamCluster(services.Redis, services.NatsUrl));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Stops hosts, newest first, then disposes them.</summary>
    public static async Task StopAsync(IList<IHost> hosts)
    {
        for (var i = hosts.Count - 1; i >= 0; i--)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await hosts[i].StopAsync(timeout.Token);
            hosts[i].Dispose();
        }

        hosts.Clear();
    }
}
