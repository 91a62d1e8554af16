using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Storage;
using StreamPredictor.Grains.Storage;

namespace StreamPredictor.Api.Health;

/// <summary>
/// Ready only when the grains' storage provider answers a read (SQLite on the embedded profile, Redis on a cluster):
/// a record no grain owns is read through the provider the grains use.
/// </summary>
public sealed class StorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    private static readonly GrainId Probe = GrainId.Create("stream-health", "probe");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        try
        {
            await storage.ReadStateAsync("probe", Probe, new GrainState<HealthProbeState>()).WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy("storage answered");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"storage '{StorageNames.Default}' did not answer: {e.GetBaseException().Message}");
        }
    }
}
