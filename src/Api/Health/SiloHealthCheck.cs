using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StreamPredictor.Api.Health;

/// <summary>Ready only while this silo is an active member of its cluster (not joining, not shutting down).</summary>
public sealed class SiloHealthCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(oracle.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy("silo active")
            : HealthCheckResult.Unhealthy($"silo is {oracle.CurrentStatus}"));
}
