namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>The version a symbol's forecasts come from, with its self-describing blob (spec, scaler, weights).</summary>
/// <param name="Version">The version as the registry lists it.</param>
/// <param name="Blob">The model blob the forecast grain loads.</param>
[GenerateSerializer, Immutable, Alias("stream.active-model")]
public sealed record ActiveModel(
    [property: Id(0)] ModelVersion Version,
    [property: Id(1)] byte[] Blob);
