using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Orleans.Streaming.NATS;
using StreamPredictor.Api.Events;
using StreamPredictor.Api.Health;
using StreamPredictor.Api.Security;
using StreamPredictor.Api.Telemetry;

namespace StreamPredictor.Api.Hosting;

/// <summary>What the HTTP API adds to a silo's web host: Kestrel's endpoints and limits, authentication, rate limits, OpenAPI, health, metrics, the dashboard.</summary>
public static class StreamHttpServices
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddStreamHttp(this WebApplicationBuilder builder, StreamHttpOptions http, string profile)
    {
        builder.WebHost.ConfigureKestrel(kestrel => ConfigureKestrel(kestrel, http));
        var services = builder.Services;
        services.AddOptions<StreamHttpOptions>().BindConfiguration(StreamHttpOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StreamHttpOptions>, StreamHttpOptionsValidator>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            json.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        services.AddStreamAuthentication(http.Jwt);
        services.AddPerCallerRateLimit(http.RateLimit);
        services.AddOpenApi(openApi => openApi
            .AddDocumentTransformer<SecuritySchemesTransformer>()
            .AddOperationTransformer<SecuritySchemesTransformer>());
        services.AddSingleton<SymbolEventFeed>();
        services.AddSingleton(provider => new StreamHealthCheck(
            provider.GetRequiredService<IClusterClient>(), profile, provider.GetRequiredService<IOptionsMonitor<NatsOptions>>()));
        services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [StreamHttpEndpoints.ReadyTag], timeout: CheckTimeout)
            .AddCheck<StorageHealthCheck>("storage", tags: [StreamHttpEndpoints.ReadyTag], timeout: CheckTimeout)
            .Add(new HealthCheckRegistration(
                "streams", provider => provider.GetRequiredService<StreamHealthCheck>(), null, [StreamHttpEndpoints.ReadyTag], CheckTimeout));
        services.AddStreamTelemetry(builder.Configuration, prometheus: http.Prometheus);
        return builder;
    }

    /// <summary>The dashboard's collectors on the silo (a grain service and a call filter); every silo the dashboard should show needs them.</summary>
    public static ISiloBuilder AddStreamDashboard(this ISiloBuilder silo, StreamHttpOptions http) =>
        http.Dashboard ? silo.AddDashboard(o => o.HideTrace = !http.DashboardTrace) : silo;

    private static void ConfigureKestrel(KestrelServerOptions kestrel, StreamHttpOptions http)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = http.MaxRequestBodyBytes;
        foreach (var address in http.EffectiveAddresses)
        {
            if (address == "localhost")
            {
                kestrel.ListenLocalhost(http.Port, listen => UseTls(listen, http));
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(address), http.Port, listen => UseTls(listen, http));
            }
        }
    }

    private static void UseTls(ListenOptions listen, StreamHttpOptions http)
    {
        if (http.CertificatePath is { Length: > 0 } certificate)
        {
            listen.UseHttps(certificate, http.CertificatePassword);
        }
    }
}
