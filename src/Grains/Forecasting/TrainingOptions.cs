using StreamPredictor.Abstractions.Forecasting;
namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// How a network is trained. The defaults are the tutorial's: Adam at Keras' learning rate, MSE, batch 64, 50 epochs,
/// no validation split. With <see cref="ValidationFraction"/> above zero, the last windows of the training days are held
/// out (as Keras' <c>validation_split</c> does), training stops after <see cref="Patience"/> epochs without a better
/// validation loss and keeps the best weights, and the held-out errors calibrate the forecast intervals. Left unset, the
/// fraction is the model's own: none for the tutorial's models and those on the mean series,
/// <see cref="FeatureValidationFraction"/> for the day-feature networks (which need it to stop early and to keep
/// <c>last</c> when training does not beat it).
/// </summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 50;

    public int BatchSize { get; init; } = 64;

    public double LearningRate { get; init; } = 1e-3;

    public int Seed { get; init; } = 42;

    public double? ValidationFraction { get; init; }

    /// <summary>The validation share of the day-feature networks when none is asked for.</summary>
    public const double FeatureValidationFraction = 0.2;

    /// <summary>Epochs without a better validation loss before stopping; 0 trains all epochs.</summary>
    public int Patience { get; init; } = 5;

    /// <summary>
    /// The t statistic by which a day-feature network's best epoch must beat <c>last</c> (where it starts) on the validation
    /// windows to replace it; below that it keeps <c>last</c>. 0 accepts the best epoch whatever it gained.
    /// </summary>
    public double Significance { get; init; } = DefaultSignificance;

    /// <summary>Two standard errors: measured on the Bitstamp file's folds, gains that passed one did not hold on the days after (docs/forecasting.md).</summary>
    public const double DefaultSignificance = 2.0;

    /// <summary>Levels of the conformal intervals calibrated on the validation days.</summary>
    public IReadOnlyList<double> IntervalLevels { get; init; } = [0.8, 0.95];

    /// <summary>The validation share <paramref name="spec"/> trains with under these options.</summary>
    public double ValidationFor(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return ValidationFraction ?? (spec.Input == ModelInput.DayFeatures || spec.Kind == ModelNames.Ensemble ? FeatureValidationFraction : 0);
    }

    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, $"{nameof(Epochs)} must be at least 1");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"{nameof(BatchSize)} must be at least 1");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, $"{nameof(LearningRate)} must be positive");
        if (ValidationFraction is < 0 or >= 1 || ValidationFraction is double.NaN) throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, $"{nameof(ValidationFraction)} must be in [0, 1)");
        if (!(Significance >= 0)) throw new ArgumentOutOfRangeException(nameof(Significance), Significance, $"{nameof(Significance)} must not be negative");
        if (Patience < 0) throw new ArgumentOutOfRangeException(nameof(Patience), Patience, $"{nameof(Patience)} must not be negative");
        if (IntervalLevels.Any(l => l is <= 0 or >= 1)) throw new ArgumentOutOfRangeException(nameof(IntervalLevels), "interval levels must be in (0, 1)");
    }
}
