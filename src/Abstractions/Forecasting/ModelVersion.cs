namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>
/// A trained model of a symbol, as the registry lists it: where and how it was trained and how it did on
/// held-out days against the naive forecast (MASE below 1 beats naive) and against <c>last</c> (<see cref="MaeVsLast"/>). <see cref="RunId"/> names the training run that
/// registered it (null for a version registered by hand), so a run whose silo was lost after registering is found.
/// </summary>
/// <param name="Version">The version number, from 1.</param>
/// <param name="Model">The model.</param>
/// <param name="TrainedAt">When training finished.</param>
/// <param name="Silo">The silo that trained it.</param>
/// <param name="OnAccelerator">Whether that silo had an accelerator.</param>
/// <param name="EpochsRun">Epochs actually run (early stopping may end sooner).</param>
/// <param name="TrainingSeconds">Time spent training.</param>
/// <param name="HeldOutFrom">The first held-out day.</param>
/// <param name="HeldOutTo">The last held-out day.</param>
/// <param name="Mae">Mean absolute error on the held-out days.</param>
/// <param name="Rmse">Root mean squared error on the held-out days.</param>
/// <param name="Mape">Mean absolute percentage error on the held-out days.</param>
/// <param name="Mase">MAE over naive's MAE on the same days: below 1 beats naive.</param>
/// <param name="NaiveMae">Naive's MAE on the same days.</param>
/// <param name="Active">Whether this version makes the symbol's forecasts.</param>
/// <param name="HeldOutForecasts">Its forecasts of the held-out days, oldest first.</param>
/// <param name="RunId">The training run that registered it (none for versions registered directly).</param>
/// <param name="LastMae"><c>last</c>'s MAE on the same days (tomorrow's mean = today's last close); null for versions registered before it was kept.</param>
/// <param name="MaeVsLast">MAE over <see cref="LastMae"/>: below 1 beats <c>last</c>, the best trivial forecast on intraday data.</param>
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
    [property: Id(16)] Guid? RunId = null,
    [property: Id(17)] double? LastMae = null,
    [property: Id(18)] double? MaeVsLast = null);
