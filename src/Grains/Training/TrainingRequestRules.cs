using System.Diagnostics.CodeAnalysis;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Grains.Training;

/// <summary>
/// What a <see cref="TrainingRequest"/> must be before a run starts. Each rule throws <see cref="ArgumentException"/> with
/// one line saying what is wrong and what is allowed; a Failed status is kept for failures during training.
/// </summary>
public static class TrainingRequestRules
{
    public const int MaxEpochs = 10_000;
    public const int MaxHeldOutDays = 3_650;
    public const double MaxValidationFraction = 0.9;

    /// <summary>The request's own values, for the trainer of <paramref name="trainerModel"/>.</summary>
    public static void Check(TrainingRequest request, string trainerModel)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ModelNames.IsKnown(request.Model))
        {
            Refuse($"unknown model '{request.Model}'; known: {string.Join(", ", ModelNames.All)}");
        }

        if (request.Model != trainerModel)
        {
            Refuse($"this trainer trains {trainerModel}; a request for {request.Model} goes to the {request.Model} trainer");
        }

        if (request.Epochs is < 1 or > MaxEpochs)
        {
            Refuse($"epochs must be between 1 and {MaxEpochs:N0}, got {request.Epochs:N0}");
        }

        if (request.HeldOutDays is < 1 or > MaxHeldOutDays)
        {
            Refuse($"held-out days must be between 1 and {MaxHeldOutDays:N0}, got {request.HeldOutDays:N0}");
        }

        if (request.LearningRate is { } rate && !(rate > 0 && rate <= 1))
        {
            Refuse($"learning rate must be above 0 and at most 1, got {rate}");
        }

        if (!(request.ValidationFraction >= 0 && request.ValidationFraction <= MaxValidationFraction))
        {
            Refuse($"validation fraction must be between 0 and {MaxValidationFraction}, got {request.ValidationFraction}");
        }
    }

    /// <summary>Enough closed days: the model's history, two training windows, and the held-out days.</summary>
    public static void CheckDays(TrainingRequest request, int closedDays)
    {
        ArgumentNullException.ThrowIfNull(request);
        var needed = ModelSpec.Default(request.Model).HistoryNeeded + 2 + request.HeldOutDays;
        if (closedDays < needed)
        {
            Refuse($"{request.Model} with {request.HeldOutDays} held-out days needs at least {needed} closed days; the symbol has {closedDays}");
        }
    }

    [DoesNotReturn]
    private static void Refuse(string message) => throw new ArgumentException(message);
}
