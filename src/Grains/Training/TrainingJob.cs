using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Grains.Training;

/// <summary>
/// The trainer grain's CPU work, free of Orleans: train a model on all closed days but the last
/// <see cref="TrainingRequest.HeldOutDays"/>, forecast those one step at a time from the true days before each,
/// and score the new model, the naive forecast, last and the active model on them. Any model name trains here,
/// <c>last</c> and the ensemble included (naive and last are only calibrated).
/// </summary>
public static class TrainingJob
{
    public static TrainingOutcome Run(
        TrainingRequest request,
        IReadOnlyList<DailyBar> days,
        byte[]? activeBlob,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(days);
        var spec = ModelSpec.Default(request.Model);
        var heldOut = request.HeldOutDays;
        var series = DailySeries.From(days);
        var trainingDays = series.Count - heldOut;
        if (heldOut < 1 || trainingDays < spec.HistoryNeeded + 2)
        {
            throw new ArgumentException(
                $"{request.Model} needs more than {spec.HistoryNeeded + heldOut + 1} closed days ({heldOut} held out), the symbol has {series.Count}");
        }

        var defaults = new TrainingOptions();
        var options = defaults with
        {
            Epochs = request.Epochs ?? defaults.Epochs,
            Seed = request.Seed ?? defaults.Seed,
            LearningRate = request.LearningRate ?? defaults.LearningRate,
            ValidationFraction = request.ValidationFraction,
        };

        using var model = ForecastTrainer.Train(spec, series.Take(trainingDays), options, progress, cancellationToken);
        var actual = series.Means.AsSpan(trainingDays);
        var naive = series.Means.AsSpan(trainingDays - 1, heldOut);
        var last = series.Closes.AsSpan(trainingDays - 1, heldOut);
        var predicted = model.Predict(series, trainingDays, heldOut);
        var metrics = ForecastMetrics.Compute(actual, predicted, naive, last);
        var naiveMae = ForecastMetrics.Compute(actual, naive, naive).Mae;
        var lastMae = ForecastMetrics.Compute(actual, last, naive).Mae;
        var activeMae = naiveMae;
        if (activeBlob is not null)
        {
            using var active = ModelBlob.FromBytes(activeBlob);
            if (active.Spec.HistoryNeeded <= trainingDays)
            {
                activeMae = ForecastMetrics.Compute(actual, active.Predict(series, trainingDays, heldOut), naive).Mae;
            }
        }

        return new TrainingOutcome(
            ModelBlob.ToBytes(model), model.Training, metrics, naiveMae, activeMae, days[trainingDays].Date, days[^1].Date, predicted, lastMae);
    }
}
