namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>What to train for a symbol. Unset values take the forecasting core's defaults (the tutorial's).</summary>
[GenerateSerializer, Immutable, Alias("stream.training-request")]
public sealed record TrainingRequest(
    [property: Id(0)] string Model,
    [property: Id(1)] int? Epochs = null,
    [property: Id(2)] int? Seed = null,
    [property: Id(3)] int HeldOutDays = 60,
    [property: Id(4)] double? LearningRate = null,
    [property: Id(5)] bool ActivateIfBetter = true,
    [property: Id(6)] double ValidationFraction = 0.1);
