using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StreamPredictor.Grains.Hosting;

/// <summary>A host running one embedded-profile silo on free loopback ports: the CLI's --embedded, benchmarks, tests.</summary>
public static class EmbeddedSiloHost
{
    /// <summary>
    /// Builds (does not start) the host; <paramref name="options"/> gets free ports when its ports are 0, and
    /// <paramref name="configure"/> may adjust the silo after the profile (a benchmark turning a setting off).
    /// </summary>
    public static IHost Build(StreamSiloOptions options, LogLevel minimumLevel = LogLevel.Warning, Action<ISiloBuilder>? configure = null)
    {
        if (options.SiloPort == 0)
        {
            options.SiloPort = FreePort();
        }

        if (options.GatewayPort == 0)
        {
            options.GatewayPort = FreePort();
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders()
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(minimumLevel)
            .AddFilter("Orleans.Runtime.Silo", LogLevel.Error)
            .AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            silo.UseStreamEmbedded(options);
            configure?.Invoke(silo);
        });
        return builder.Build();
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
