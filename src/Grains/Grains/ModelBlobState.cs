namespace StreamPredictor.Grains;

/// <summary>One model version's blob. Never renumber the ids.</summary>
[GenerateSerializer, Alias("stream.model-blob-state")]
public sealed class ModelBlobState
{
    [Id(0)] public byte[]? Blob { get; set; }
}
