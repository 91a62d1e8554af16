using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Grains.Forecasting.Ensembles;

/// <summary>
/// Builds the ensemble from its members trained on the same days (trained here, or handed over by a backtest that has
/// them already) and calibrates its intervals on the networks' validation days, which none of them trained on.
/// </summary>
internal static class EnsembleTrainer
{
    /// <summary>The members of <paramref name="ensemble"/>: <c>last</c>, then the LSTM and GRU on day features with its window.</summary>
    public static IReadOnlyList<ModelSpec> MemberSpecs(ModelSpec ensemble) =>
    [
        ModelSpec.Default(ModelNames.Last),
        ModelSpec.Default(ModelNames.Lstm, ensemble.Window),
        ModelSpec.Default(ModelNames.Gru, ensemble.Window),
    ];

    public static IForecaster Train(ModelSpec spec, DailySeries days, TrainingOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, Func<ModelSpec, IForecaster>? trained)
    {
        var owns = trained is null;
        var members = new List<IForecaster>();
        try
        {
            foreach (var memberSpec in MemberSpecs(spec))
            {
                members.Add(trained?.Invoke(memberSpec) ?? ForecastTrainer.Train(memberSpec, days, options, progress, cancellationToken));
            }
        }
        catch
        {
            if (owns) members.ForEach(m => m.Dispose());
            throw;
        }

        var validation = members.Max(m => m.Spec.Kind == ModelNames.Last ? 0 : m.Training.ValidationDays);
        var from = days.Count - validation;
        var keptLast = members.All(m => m.Spec.Kind == ModelNames.Last || m.Training.KeptLast);
        var summary = new TrainingSummary(
            members.Max(m => m.Training.EpochsRun), members.Sum(m => m.Training.Seconds), 0, null, from, validation, options.Seed, TorchRuntime.DeviceName, keptLast);
        var ensemble = new EnsembleForecaster(spec, members, owns, summary, ConformalCalibration.None);
        var calibration = validation > 0
            ? ConformalCalibration.Fit(days, from, ensemble.Predict(days, from, validation), options.IntervalLevels)
            : ConformalCalibration.None;
        return ensemble.With(summary, calibration);
    }
}
