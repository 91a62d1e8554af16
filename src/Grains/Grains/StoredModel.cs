using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Grains;

/// <summary>A version with its blob inline: how registries stored versions before each blob had a record of its own. Read only to move them out.</summary>
[GenerateSerializer, Immutable, Alias("stream.stored-model")]
public sealed record StoredModel(
    [property: Id(0)] ModelVersion Version,
    [property: Id(1)] byte[] Blob);
