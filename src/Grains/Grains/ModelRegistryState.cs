using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Grains;

/// <summary>
/// A symbol's model versions as stored: metadata only (each blob is its own <c>ModelBlobGrain</c> record), the active
/// version and the last version number handed out. Never renumber the ids.
/// </summary>
[GenerateSerializer, Alias("stream.model-registry-state")]
public sealed class ModelRegistryState
{
    /// <summary>Versions with their blobs inline, as registries stored them before blobs had records of their own; moved out on activation.</summary>
    [Id(0)] public List<StoredModel> Models { get; set; } = [];

    /// <summary>The active version; 0 is the naive model.</summary>
    [Id(1)] public int ActiveVersion { get; set; }

    [Id(2)] public List<ModelVersion> Versions { get; set; } = [];

    /// <summary>The highest version number ever handed out, stored before its blob: a number is never given twice.</summary>
    [Id(3)] public int LastVersion { get; set; }
}
