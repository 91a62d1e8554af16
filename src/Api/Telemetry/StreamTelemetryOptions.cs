namespace StreamPredictor.Api.Telemetry;

/// <summary>Where the system's metrics go besides the HTTP host's <c>/metrics</c>. Bound from <c>Stream:Metrics</c>.</summary>
public sealed class StreamTelemetryOptions
{
    public const string SectionName = "Stream:Metrics";

    /// <summary>An OTLP collector (e.g. <c>http://collector:4317</c>); metrics are pushed there when set, with or without the HTTP API.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317) or <c>http</c> (protobuf over HTTP, port 4318, path <c>/v1/metrics</c>).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(15);
}
