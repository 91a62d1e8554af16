using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamPredictor.Client;
using StreamPredictor.Client.Advanced;
using StreamPredictor.Grains.Hosting;
using StreamPredictor.Grains.Storage;

namespace StreamPredictor.Bench;

/// <summary>An embedded-profile silo on free ports with a throwaway data folder, and clients for it.</summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _data;

    private EmbeddedSilo(IHost host, string data, int gatewayPort)
    {
        _host = host;
        _data = data;
        GatewayPort = gatewayPort;
    }

    public int GatewayPort { get; }

    /// <summary>A client living in the silo's own process and host (no network hop).</summary>
    public IStreamClient CoHostedClient => StreamClientFactory.Create(_host.Services.GetRequiredService<IClusterClient>());

    /// <summary>Starts one; <paramref name="nowcasting"/> false turns <c>Stream:Forecast:Nowcasting</c> off.</summary>
    public static async Task<EmbeddedSilo> StartAsync(SqliteSynchronous synchronous = SqliteSynchronous.Full, bool nowcasting = true)
    {
        var data = Directory.CreateTempSubdirectory("stream-bench-").FullName;
        var options = new StreamSiloOptions { DataDirectory = data, SiloPort = 0, GatewayPort = 0, SqliteSynchronous = synchronous };
        var host = EmbeddedSiloHost.Build(options, LogLevel.Error, silo => silo.Services.Configure<ForecastOptions>(o => o.Nowcasting = nowcasting));
        await host.StartAsync();
        return new EmbeddedSilo(host, data, options.GatewayPort);
    }

    /// <summary>A separate client host that reaches the silo through its TCP gateway.</summary>
    public async Task<(IHost Host, IStreamClient Client)> ConnectGatewayClientAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.AddStreamClient(o => o.Gateways.Add($"127.0.0.1:{GatewayPort}"));
        var host = builder.Build();
        await host.StartAsync();
        return (host, host.Services.GetRequiredService<IStreamClient>());
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Directory.Delete(_data, recursive: true);
    }
}
