namespace StreamPredictor.Abstractions.Forecasting;

[GenerateSerializer, Immutable, Alias("stream.trainer-placement")]
public sealed record TrainerPlacement(
    [property: Id(0)] string Silo,
    [property: Id(1)] bool Accelerator,
    [property: Id(2)] string Device);
