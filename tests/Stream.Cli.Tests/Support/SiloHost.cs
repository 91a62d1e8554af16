using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Stream.Grains.Hosting;

namespace Stream.Cli.Tests.Support;

/// <summary>A real embedded-profile silo on free ports, for commands that connect through its gateway.</summary>
public sealed class SiloHost : IAsyncDisposable
{
    private readonly IHost _host;

    private SiloHost(IHost host, int gatewayPort)
    {
        _host = host;
        Gateway = $"127.0.0.1:{gatewayPort}";
    }

    public string Gateway { get; }

    public static async Task<SiloHost> StartAsync(string dataDirectory)
    {
        var options = new StreamSiloOptions { DataDirectory = dataDirectory, SiloPort = FreePort(), GatewayPort = FreePort() };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.UseOrleans(silo => silo.UseStreamEmbedded(options));
        var host = builder.Build();
        await host.StartAsync();
        return new SiloHost(host, options.GatewayPort);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
