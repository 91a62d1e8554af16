namespace StreamPredictor.Abstractions.Forecasting;

[GenerateSerializer, Immutable, Alias("stream.active-model")]
public sealed record ActiveModel(
    [property: Id(0)] ModelVersion Version,
    [property: Id(1)] byte[] Blob);
