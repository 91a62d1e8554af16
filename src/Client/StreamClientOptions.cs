using StreamPredictor.Connections.Services;
using StreamPredictor.Connections.Tls;

namespace StreamPredictor.Client;

/// <summary>How the SDK reaches a cluster. Bound from <c>Stream:Client</c>.</summary>
public sealed class StreamClientOptions
{
    public const string SectionName = "Stream:Client";

    /// <summary>Gateway endpoints, HOST:PORT; empty means the local silo's gateway on <see cref="GatewayPort"/>.</summary>
    public IList<string> Gateways { get; } = [];

    /// <summary>
    /// A cluster-profile deployment's Redis (StackExchange.Redis configuration string): when set, gateways come
    /// from its membership table and ticks are published to <see cref="NatsUrl"/>, as the silos do.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>The cluster's NATS server, used with <see cref="Redis"/>.</summary>
    public string NatsUrl { get; set; } = "nats://localhost:4222";

    /// <summary>Redis credentials and TLS (<c>Stream:Client:RedisAuth</c>), as on the silos.</summary>
    public RedisAuth RedisAuth { get; set; } = new();

    /// <summary>NATS credentials and TLS (<c>Stream:Client:NatsAuth</c>), as on the silos.</summary>
    public NatsAuth NatsAuth { get; set; } = new();

    /// <summary>TLS to the gateways (<c>Stream:Client:Tls</c>): the silos' authority, and a client certificate for mutual TLS.</summary>
    public EndpointTlsOptions Tls { get; set; } = new();

    /// <summary>The cluster's <c>Orleans:ClusterId</c> and <c>Orleans:ServiceId</c>; Orleans' defaults when null.</summary>
    public string? ClusterId { get; set; }

    public string? ServiceId { get; set; }

    /// <summary>The local gateway port used when <see cref="Gateways"/> is empty.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Ticks per batch published on the stream.</summary>
    public int BatchSize { get; set; } = 4096;

    /// <summary>How long to keep trying to connect before giving up.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often progress is polled while waiting on the cluster (ingest to land, training).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}
