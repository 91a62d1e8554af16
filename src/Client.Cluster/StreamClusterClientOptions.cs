using StreamPredictor.Connections.Services;

namespace StreamPredictor.Client.Cluster;

/// <summary>
/// Where a cluster-profile deployment keeps its membership and streams. Bound from <c>Stream:Client</c>, beside
/// <see cref="StreamClientOptions"/>; checked at start.
/// </summary>
public sealed class StreamClusterClientOptions
{
    /// <summary>The silos' Redis (a StackExchange.Redis configuration string, e.g. <c>redis:6379</c>): gateways are found in its membership table. Required.</summary>
    public string? Redis { get; set; }

    /// <summary>The silos' NATS server with JetStream, where ticks are published. Default <c>nats://localhost:4222</c>.</summary>
    public string NatsUrl { get; set; } = "nats://localhost:4222";

    /// <summary>Redis credentials and TLS (<c>Stream:Client:RedisAuth</c>), as on the silos.</summary>
    public RedisAuth RedisAuth { get; set; } = new();

    /// <summary>NATS credentials and TLS (<c>Stream:Client:NatsAuth</c>), as on the silos.</summary>
    public NatsAuth NatsAuth { get; set; } = new();
}
