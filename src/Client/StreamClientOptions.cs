using StreamPredictor.Connections.Tls;

namespace StreamPredictor.Client;

/// <summary>
/// How the SDK reaches a Stream cluster and how it ingests. Bound from the <c>Stream:Client</c> configuration
/// section, then from the delegate given to <c>AddStreamClient</c> and any <c>services.Configure&lt;StreamClientOptions&gt;</c>;
/// checked when the host starts, and a bad value fails the start with a message naming the setting.
/// </summary>
public sealed class StreamClientOptions
{
    /// <summary>The configuration section the options are bound from: <c>Stream:Client</c>.</summary>
    public const string SectionName = "Stream:Client";

    /// <summary>
    /// Silo gateways as <c>HOST:PORT</c> (a name, an IPv4 address or a bracketed IPv6 address such as <c>[::1]:30000</c>).
    /// Names are resolved when the client starts, and again whenever it refreshes its gateway list. Empty means the
    /// local silo's gateway, <c>localhost:</c><see cref="GatewayPort"/>.
    /// </summary>
    public IList<string> Gateways { get; } = [];

    /// <summary>
    /// TLS to the gateways (<c>Stream:Client:Tls</c>): the silos' authority, and a client certificate for mutual TLS.
    /// Read when <c>AddStreamClient</c> is called (from configuration and its delegate), since it decides how the
    /// connection is built.
    /// </summary>
    public EndpointTlsOptions Tls { get; set; } = new();

    /// <summary>The local gateway port used when <see cref="Gateways"/> is empty. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The cluster's <c>Orleans:ClusterId</c>; when null, <c>Orleans:ClusterId</c> from configuration, else Orleans' default.</summary>
    public string? ClusterId { get; set; }

    /// <summary>The cluster's <c>Orleans:ServiceId</c>; when null, <c>Orleans:ServiceId</c> from configuration, else Orleans' default.</summary>
    public string? ServiceId { get; set; }

    /// <summary>How long to keep trying to connect, counted from the host's start. Default 30 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Ticks per batch published on a symbol's stream (1 to 1,000,000). Default 4,096.</summary>
    public int BatchSize { get; set; } = 4096;

    /// <summary>
    /// The most batches an ingest keeps unconfirmed at once; when that many are waiting, publishing pauses until the
    /// oldest is confirmed. Memory held by an ingest is at most this many batches, however long it runs. Default 32.
    /// </summary>
    public int MaxUnconfirmedBatches { get; set; } = 32;

    /// <summary>
    /// The most UTC days of event time the unconfirmed batches may span: a batch whose latest tick is further than this
    /// past the earliest tick still unconfirmed waits for confirmations first. After a failure a lost batch is sent
    /// again and may land behind later ones; kept within the market's <c>Stream:Market:AllowedLatenessDays</c> (1 by
    /// default), its ticks still revise their day instead of being refused as too late. Raise both together for
    /// files whose batches each span days. Default 1.
    /// </summary>
    public int MaxUnconfirmedDays { get; set; } = 1;

    /// <summary>
    /// How long after its last publish a batch is published again while it is unconfirmed (a publish is never trusted:
    /// a provider may drop it). Resending is safe: ticks are deduplicated by timestamp. Default 10 seconds.
    /// </summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long after its first publish a batch may stay unconfirmed before the ingest fails with a
    /// <see cref="StreamClientException"/> naming the unconfirmed batches. Default 2 minutes.
    /// </summary>
    public TimeSpan ConfirmationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the cluster is asked while waiting: for an ingest's confirmation, for a training run's progress. Default 200 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The shortest training schedule period accepted: Orleans' reminder minimum, 1 minute. Lower it only for silos
    /// configured with a smaller <c>ReminderOptions.MinimumReminderPeriod</c> (tests).
    /// </summary>
    public TimeSpan MinimumSchedulePeriod { get; set; } = TimeSpan.FromMinutes(1);
}
