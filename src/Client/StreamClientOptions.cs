namespace Stream.Client;

/// <summary>How the SDK reaches a cluster.</summary>
public sealed class StreamClientOptions
{
    public const string SectionName = "Stream:Client";

    /// <summary>Gateway endpoints, HOST:PORT; the localhost silo when empty.</summary>
    public IList<string> Gateways { get; } = [];

    /// <summary>Ticks per batch sent on the stream.</summary>
    public int BatchSize { get; set; } = 4096;
}
