using StreamPredictor.Client.Advanced;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamPredictor.Client;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.Integration.Tests.Support;

/// <summary>
/// The embedded profile as <c>stream --embedded</c> runs it (localhost clustering, memory streams, the SQLite file in
/// <see cref="DataDirectory"/>), started and stopped like the process would be; <paramref name="configure"/> may adjust it.
/// </summary>
public sealed class EmbeddedSilo(IHost host, string dataDirectory) : IAsyncDisposable
{
    public string DataDirectory { get; } = dataDirectory;

    public IStreamClient Client { get; } = StreamClientFactory.Create(host.Services.GetRequiredService<IClusterClient>(), new StreamClientOptions { PollInterval = TimeSpan.FromMilliseconds(50), MinimumSchedulePeriod = TimeSpan.FromSeconds(1) });

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => host.Services;

    public static async Task<EmbeddedSilo> StartAsync(string dataDirectory, Action<ISiloBuilder>? configure = null)
    {
        var options = new StreamSiloOptions { DataDirectory = dataDirectory, SiloPort = EmbeddedSiloHost.FreePort(), GatewayPort = EmbeddedSiloHost.FreePort() };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseStreamEmbedded(options);
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new EmbeddedSilo(host, dataDirectory);
    }

    /// <summary>Stops the silo the way the process does on Ctrl-C or SIGTERM.</summary>
    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
