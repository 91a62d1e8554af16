namespace StreamPredictor.Grains;

/// <summary>A symbol's model versions. Never renumber the ids.</summary>
[GenerateSerializer, Alias("stream.model-registry-state")]
public sealed class ModelRegistryState
{
    [Id(0)] public List<StoredModel> Models { get; set; } = [];

    /// <summary>The active version; 0 is the naive model.</summary>
    [Id(1)] public int ActiveVersion { get; set; }
}
