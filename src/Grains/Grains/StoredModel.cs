using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Grains;

[GenerateSerializer, Immutable, Alias("stream.stored-model")]
public sealed record StoredModel(
    [property: Id(0)] ModelVersion Version,
    [property: Id(1)] byte[] Blob);
