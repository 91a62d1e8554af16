namespace StreamPredictor.Api.Contracts;

/// <summary>What to train; unset values take the forecasting defaults (the tutorial's).</summary>
public sealed record TrainingBody(
    string Model,
    int? Epochs = null,
    int? Seed = null,
    int? HeldOutDays = null,
    double? LearningRate = null,
    bool? ActivateIfBetter = null);
