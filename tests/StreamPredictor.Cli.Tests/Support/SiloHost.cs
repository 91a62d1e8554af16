using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.Cli.Tests.Support;

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

    /// <summary>Grains of this silo, to look at what a command did.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<SiloHost> StartAsync(string dataDirectory)
    {
        var options = new StreamSiloOptions { DataDirectory = dataDirectory, SiloPort = 0, GatewayPort = 0 };
        var host = EmbeddedSiloHost.Build(options, LogLevel.Error);
        await host.StartAsync();
        return new SiloHost(host, options.GatewayPort);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
