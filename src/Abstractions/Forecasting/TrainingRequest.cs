namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>What to train for a symbol. Unset values take the forecasting core's defaults (the tutorial's).</summary>
/// <param name="Model">The model: naive, mlp-seed, rnn-seed, lstm or gru.</param>
/// <param name="Epochs">Training epochs (default 50, the tutorial's).</param>
/// <param name="Seed">Seed of weights, dropout and shuffling (default 42).</param>
/// <param name="HeldOutDays">The last closed days held out to score the model against naive and the active model.</param>
/// <param name="LearningRate">Adam's learning rate (default 0.001).</param>
/// <param name="ActivateIfBetter">Activate the new version if it beats the active model on the held-out days.</param>
/// <param name="ValidationFraction">Share of the training windows held out for early stopping and the intervals, in [0, 1).</param>
[GenerateSerializer, Immutable, Alias("stream.training-request")]
public sealed record TrainingRequest(
    [property: Id(0)] string Model,
    [property: Id(1)] int? Epochs = null,
    [property: Id(2)] int? Seed = null,
    [property: Id(3)] int HeldOutDays = 60,
    [property: Id(4)] double? LearningRate = null,
    [property: Id(5)] bool ActivateIfBetter = true,
    [property: Id(6)] double ValidationFraction = 0.1);
