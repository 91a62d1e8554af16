using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamPredictor.Api.Telemetry;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.Api.Hosting;

/// <summary>
/// A silo process: the Orleans silo of the configured profile and, when <c>Stream:Http:Enabled</c>, the HTTP API in
/// the same process and container, calling grains through the silo's own client. With HTTP off nothing listens on
/// HTTP at all: the host is a plain generic host.
/// </summary>
public static class StreamHost
{
    /// <summary>
    /// The silo (<c>src/Silo</c>): configuration from appsettings.json, the environment and <paramref name="args"/>.
    /// <paramref name="services"/> adds services after the silo's (the live feeds' worker), so they start after it.
    /// </summary>
    public static IHost Build(string[] args, Action<IServiceCollection>? services = null)
    {
        var plain = Host.CreateApplicationBuilder(args);
        var http = ReadHttpOptions(plain.Configuration);
        if (!http.Enabled)
        {
            plain.UseOrleans(silo => silo.UseStream(plain.Configuration));
            plain.Services.AddStreamTelemetry(plain.Configuration, prometheus: false);
            services?.Invoke(plain.Services);
            return plain.Build();
        }

        var web = WebApplication.CreateBuilder(args);
        var profile = SiloOptions(web.Configuration).Profile;
        return BuildWeb(web, http, profile, silo => silo.UseStream(web.Configuration), services);
    }

    /// <summary>
    /// An embedded-profile silo with the HTTP API on, for <c>stream … --embedded --http</c>, tests and benchmarks.
    /// <paramref name="settings"/> carry <c>Stream:Http</c> (port, keys, limits) and <c>Stream:Metrics</c>; free silo
    /// and gateway ports are picked when <paramref name="silo"/>'s are 0.
    /// </summary>
    public static IHost BuildEmbedded(StreamSiloOptions silo, IEnumerable<KeyValuePair<string, string?>> settings, LogLevel minimumLevel = LogLevel.Warning)
    {
        if (silo.SiloPort == 0)
        {
            silo.SiloPort = EmbeddedSiloHost.FreePort();
        }

        if (silo.GatewayPort == 0)
        {
            silo.GatewayPort = EmbeddedSiloHost.FreePort();
        }

        var web = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        web.Configuration.AddInMemoryCollection(settings);
        web.Configuration[$"{StreamHttpOptions.SectionName}:Enabled"] = "true";
        web.Logging.ClearProviders()
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(minimumLevel)
            .AddFilter("Orleans.Runtime.Silo", LogLevel.Error)
            .AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        return BuildWeb(web, ReadHttpOptions(web.Configuration), silo.Profile, s => s.UseStreamEmbedded(silo));
    }

    private static WebApplication BuildWeb(WebApplicationBuilder web, StreamHttpOptions http, string profile, Action<ISiloBuilder> useProfile, Action<IServiceCollection>? services = null)
    {
        web.UseOrleans(silo =>
        {
            useProfile(silo);
            silo.AddStreamDashboard(http);
        });
        web.AddStreamHttp(http, profile);
        services?.Invoke(web.Services);
        var app = web.Build();
        app.MapStreamHttp(http);
        return app;
    }

    /// <summary><c>Stream:Http</c>, checked now: Kestrel's endpoints are made from it before the host starts.</summary>
    private static StreamHttpOptions ReadHttpOptions(IConfiguration configuration)
    {
        var http = configuration.GetSection(StreamHttpOptions.SectionName).Get<StreamHttpOptions>() ?? new StreamHttpOptions();
        if (http.Enabled && new StreamHttpOptionsValidator().Validate(null, http) is { Failed: true } result)
        {
            throw new OptionsValidationException(StreamHttpOptions.SectionName, typeof(StreamHttpOptions), result.Failures);
        }

        return http;
    }

    private static StreamSiloOptions SiloOptions(IConfiguration configuration) =>
        configuration.GetSection(StreamSiloOptions.SectionName).Get<StreamSiloOptions>() ?? new StreamSiloOptions();
}
