namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>
/// A trained model of a symbol, as the registry lists it: where and how it was trained and how it did on
/// held-out days against the naive forecast (MASE below 1 beats naive). <see cref="RunId"/> names the training run that
/// registered it (null for a version registered by hand), so a run whose silo was lost after registering is found.
/// </summary>
[GenerateSerializer, Immutable, Alias("stream.model-version")]
public sealed record ModelVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] string Model,
    [property: Id(2)] DateTimeOffset TrainedAt,
    [property: Id(3)] string Silo,
    [property: Id(4)] bool OnAccelerator,
    [property: Id(5)] int EpochsRun,
    [property: Id(6)] double TrainingSeconds,
    [property: Id(7)] DateOnly HeldOutFrom,
    [property: Id(8)] DateOnly HeldOutTo,
    [property: Id(9)] double Mae,
    [property: Id(10)] double Rmse,
    [property: Id(11)] double Mape,
    [property: Id(12)] double Mase,
    [property: Id(13)] double NaiveMae,
    [property: Id(14)] bool Active = false,
    [property: Id(15)] double[]? HeldOutForecasts = null,
    [property: Id(16)] Guid? RunId = null);
