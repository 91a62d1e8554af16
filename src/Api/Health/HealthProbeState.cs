namespace StreamPredictor.Api.Health;

/// <summary>The state the storage check reads (and never writes): any type will do, as the record does not exist.</summary>
[GenerateSerializer, Alias("stream.health-probe-state")]
public sealed class HealthProbeState
{
    [Id(0)] public long Unused { get; set; }
}
