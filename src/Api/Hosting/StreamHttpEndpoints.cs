using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Orleans.Dashboard;
using OpenTelemetry.Exporter;
using StreamPredictor.Api.Endpoints;
using StreamPredictor.Api.Health;
using StreamPredictor.Api.Security;

namespace StreamPredictor.Api.Hosting;

/// <summary>
/// The HTTP pipeline and every endpoint. The web page's static files (no data in them), <c>/health/live</c>,
/// <c>/health/ready</c> and the OpenAPI document are anonymous; everything else needs the read or the write scope,
/// and the fallback policy makes any endpoint that forgets to say which at least authenticated.
/// </summary>
public static class StreamHttpEndpoints
{
    public const string ReadyTag = "ready";

    public static WebApplication MapStreamHttp(this WebApplication app, StreamHttpOptions http)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (http.Page)
        {
            app.UseStreamWebPage();
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthReportWriter.WriteAsync })
            .AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();

        var api = app.MapGroup("/api").RequireRateLimiting(PerCallerRateLimit.PolicyName).WithTags("Stream");
        SymbolEndpoints.Map(api);
        var symbol = api.MapGroup("/symbols/{symbol}").AddEndpointFilter<SymbolRouteFilter>();
        DayEndpoints.Map(symbol);
        StatsEndpoints.Map(symbol);
        ForecastEndpoints.Map(symbol);
        SourceEndpoints.Map(symbol);
        ModelEndpoints.Map(symbol);
        TrainingEndpoints.Map(symbol);
        TickEndpoints.Map(symbol, http.MaxIngestBodyBytes, http.IngestBatchSize);

        if (http.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint("/metrics")
                .RequireAuthorization(StreamScopes.Read)
                .RequireRateLimiting(PerCallerRateLimit.PolicyName)
                .WithTags("Operations")
                .WithSummary("The system's, Orleans' and the HTTP server's metrics in the Prometheus text format.");
        }

        if (http.Dashboard)
        {
            app.MapOrleansDashboard("/dashboard")
                .RequireAuthorization(StreamScopes.Read)
                .RequireRateLimiting(PerCallerRateLimit.PolicyName)
                .ExcludeFromDescription();
        }

        return app;
    }
}
