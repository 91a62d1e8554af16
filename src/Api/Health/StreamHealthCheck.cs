using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Orleans.Streaming.NATS;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.Api.Health;

/// <summary>
/// Ready only when the stream provider answers. Memory streams (embedded) live in the process: the provider must
/// resolve. NATS JetStream (cluster) must answer for the provider's own stream, over a connection made with the
/// provider's own client options (address, credentials, TLS), so the check sees what the provider sees.
/// </summary>
/// <param name="profile">The silo's <see cref="StreamSiloOptions.Profile"/>.</param>
public sealed class StreamHealthCheck(IClusterClient cluster, string profile, IOptionsMonitor<NatsOptions> nats)
    : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private NatsConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = cluster.GetStreamProvider(StreamNames.Provider);
            if (profile != "cluster")
            {
                return HealthCheckResult.Healthy("memory streams");
            }

            var options = nats.Get(StreamNames.Provider);
            var connection = await ConnectionAsync(options.NatsClientOptions ?? NatsOpts.Default);
            var stream = await new NatsJSContext(connection).GetStreamAsync(options.StreamName, cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy($"JetStream stream '{stream.Info.Config.Name}' answered");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"stream provider '{StreamNames.Provider}' did not answer: {e.GetBaseException().Message}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _connecting.Dispose();
    }

    private async Task<NatsConnection> ConnectionAsync(NatsOpts options)
    {
        await _connecting.WaitAsync();
        try
        {
            return _connection ??= new NatsConnection(options with { Name = "stream-health" });
        }
        finally
        {
            _connecting.Release();
        }
    }
}
