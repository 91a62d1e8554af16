using StreamPredictor.Connections.Services;
using StreamPredictor.Connections.Tls;

namespace StreamPredictor.Grains.Hosting;

/// <summary>How a silo runs. Bound from <c>Stream:Silo</c>; every value has a default that works on one machine.</summary>
public sealed class StreamSiloOptions
{
    public const string SectionName = "Stream:Silo";

    /// <summary>
    /// <c>embedded</c> (one process: localhost clustering, memory streams, SQLite state) or <c>cluster</c>
    /// (Redis membership, state and reminders; NATS JetStream streams).
    /// </summary>
    public string Profile { get; set; } = "embedded";

    /// <summary>Where the embedded profile keeps its SQLite file.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>The cluster profile's Redis, as a StackExchange.Redis configuration string.</summary>
    public string Redis { get; set; } = "localhost:6379";

    /// <summary>Redis credentials and TLS, apart from the connection string so a secret can come from its own source.</summary>
    public RedisAuth RedisAuth { get; set; } = new();

    /// <summary>The cluster profile's NATS server (JetStream enabled).</summary>
    public string NatsUrl { get; set; } = "nats://localhost:4222";

    /// <summary>NATS credentials and TLS.</summary>
    public NatsAuth NatsAuth { get; set; } = new();

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The interface the silo and gateway ports listen on. Null: loopback for the embedded profile, the advertised
    /// address (<c>Orleans:Endpoints:AdvertisedIPAddress</c>) for the cluster profile; <c>0.0.0.0</c> for every interface.
    /// </summary>
    public string? ListenAddress { get; set; }

    /// <summary>TLS for silo-to-silo and client-to-gateway connections; off unless a certificate is configured.</summary>
    public EndpointTlsOptions Tls { get; set; } = new();

    /// <summary>
    /// Cluster profile on Kubernetes: the silo's name, address and cluster identity come from its pod
    /// (Microsoft.Orleans.Hosting.Kubernetes; see deploy/kubernetes), and pods of dead silos are deleted.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>The longest wait between two tries to reach Redis or NATS while the silo starts.</summary>
    public TimeSpan DependencyRetryMax { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether this silo offers an accelerator to trainer grains; null: detect CUDA.</summary>
    public bool? Accelerator { get; set; }

    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "stream");
}
