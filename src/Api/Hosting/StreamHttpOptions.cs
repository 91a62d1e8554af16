using StreamPredictor.Api.Security;

namespace StreamPredictor.Api.Hosting;

/// <summary>The HTTP API hosted in a silo. Bound from <c>Stream:Http</c>; off unless <see cref="Enabled"/>.</summary>
public sealed class StreamHttpOptions
{
    public const string SectionName = "Stream:Http";

    public bool Enabled { get; set; }

    /// <summary>The port every address listens on; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 8080;

    /// <summary>
    /// Addresses to listen on: IP addresses, or <c>localhost</c> (both loopback addresses). Empty means
    /// <c>localhost</c>; name <c>0.0.0.0</c> or <c>::</c> to accept connections from other machines.
    /// </summary>
    public List<string> Addresses { get; set; } = [];

    /// <summary>A PFX file with the server certificate: when set, the API speaks HTTPS only.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>The largest request body accepted by any endpoint but ingest.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1 << 20;

    /// <summary>The largest tick upload (JSON or CSV) one ingest request may carry.</summary>
    public long MaxIngestBodyBytes { get; set; } = 64 << 20;

    /// <summary>Ticks per <c>IMarketGrain.IngestAsync</c> call when an upload is applied.</summary>
    public int IngestBatchSize { get; set; } = 4096;

    /// <summary>Keys accepted in the <c>X-Api-Key</c> header, each stored as a hash with its scopes.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    public JwtOptions Jwt { get; set; } = new();

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The Orleans dashboard under <c>/dashboard</c>, behind the read scope.</summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>Whether the dashboard streams the silo's log lines (<c>/dashboard/Trace</c>); off, as logs may hold secrets.</summary>
    public bool DashboardTrace { get; set; }

    /// <summary>The live web page at <c>/</c> (static files; it asks for a key and reads through the API).</summary>
    public bool Page { get; set; } = true;

    /// <summary>The Prometheus scrape endpoint <c>/metrics</c>, behind the read scope.</summary>
    public bool Prometheus { get; set; } = true;

    public IReadOnlyList<string> EffectiveAddresses => Addresses.Count == 0 ? ["localhost"] : Addresses;
}
