using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using StreamPredictor.Grains.Telemetry;

namespace StreamPredictor.Api.Telemetry;

/// <summary>OpenTelemetry metrics of a silo: the system's own meter, Orleans' meters and ASP.NET Core's, exported by configuration.</summary>
public static class StreamTelemetryExtensions
{
    /// <summary>Meters exported: the system's, Orleans', and the HTTP server's (requests, connections, rate limiting).</summary>
    public static IReadOnlyList<string> Meters { get; } =
    [
        StreamMetrics.MeterName,
        "Microsoft.Orleans",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
    ];

    /// <summary>Adds the meters with a Prometheus exporter (when <paramref name="prometheus"/>) and OTLP (when configured); nothing when neither.</summary>
    public static IServiceCollection AddStreamTelemetry(this IServiceCollection services, IConfiguration configuration, bool prometheus)
    {
        var options = configuration.GetSection(StreamTelemetryOptions.SectionName).Get<StreamTelemetryOptions>() ?? new StreamTelemetryOptions();
        if (!prometheus && options.OtlpEndpoint is null)
        {
            return services;
        }

        var protocol = options.OtlpProtocol.ToLowerInvariant() switch
        {
            "grpc" => OtlpExportProtocol.Grpc,
            "http" or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new InvalidOperationException($"{StreamTelemetryOptions.SectionName}:OtlpProtocol '{options.OtlpProtocol}' is unknown; use 'grpc' or 'http'"),
        };

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("stream-silo"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([.. Meters]);
                if (prometheus)
                {
                    // Every scrape reads the current values (the exporter's default keeps a response for 300 ms).
                    metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                }

                if (options.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter((exporter, reader) =>
                    {
                        exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf && endpoint.AbsolutePath == "/"
                            ? new Uri(endpoint, "v1/metrics")
                            : endpoint;
                        exporter.Protocol = protocol;
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.ExportInterval.TotalMilliseconds;
                    });
                }
            });
        return services;
    }
}
