using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StreamPredictor.Client.Tests.Support;

/// <summary>Client apps as users write them: a host builder, <c>AddStreamClient</c>, start.</summary>
public static class ClientHosts
{
    public static IHost Build(string gateway, Action<HostApplicationBuilder>? customize = null, Action<StreamClientOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Stream:Client:Gateways:0"] = gateway });
        customize?.Invoke(builder);
        builder.AddStreamClient(configure);
        return builder.Build();
    }

    public static async Task<IHost> StartAsync(string gateway, Action<HostApplicationBuilder>? customize = null, Action<StreamClientOptions>? configure = null)
    {
        var host = Build(gateway, customize, configure);
        await host.StartAsync();
        return host;
    }

    public static IStreamClient StreamClient(this IHost host) => host.Services.GetRequiredService<IStreamClient>();
}
