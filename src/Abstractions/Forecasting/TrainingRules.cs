using StreamPredictor.Abstractions.Forecasting;
namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>
/// What a <see cref="TrainingRequest"/> must be before a run starts, checked alike by the SDK (before sending) and by the
/// trainer grain (whoever calls it). Each problem is one line naming the field, what is allowed and what was given.
/// </summary>
public static class TrainingRules
{
    /// <summary>The most epochs one run may ask for.</summary>
    public const int MaxEpochs = 10_000;

    /// <summary>The most held-out days one run may ask for (ten years).</summary>
    public const int MaxHeldOutDays = 3_650;

    /// <summary>The largest share of the training windows that may be set aside for early stopping.</summary>
    public const double MaxValidationFraction = 0.9;

    /// <summary>The first thing wrong with <paramref name="request"/>'s own values, or null when it may run.</summary>
    public static string? Problem(TrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ModelNames.IsKnown(request.Model))
        {
            return $"unknown model '{request.Model}'; known: {string.Join(", ", ModelNames.All)}";
        }

        if (request.Epochs is < 1 or > MaxEpochs)
        {
            return $"epochs must be between 1 and {MaxEpochs:N0}, got {request.Epochs:N0}";
        }

        if (request.HeldOutDays is < 1 or > MaxHeldOutDays)
        {
            return $"held-out days must be between 1 and {MaxHeldOutDays:N0}, got {request.HeldOutDays:N0}";
        }

        if (request.LearningRate is { } rate && !(rate > 0 && rate <= 1))
        {
            return $"learning rate must be above 0 and at most 1, got {rate}";
        }

        return request.ValidationFraction is >= 0 and <= MaxValidationFraction
            ? null
            : $"validation fraction must be between 0 and {MaxValidationFraction}, got {request.ValidationFraction}";
    }

    /// <summary>Whether <paramref name="closedDays"/> are too few for <paramref name="request"/>: the line saying so, or null.</summary>
    public static string? DaysProblem(TrainingRequest request, int closedDays)
    {
        ArgumentNullException.ThrowIfNull(request);
        var needed = ModelNames.MinimumClosedDays(request.Model, request.HeldOutDays);
        return closedDays >= needed
            ? null
            : $"{request.Model} with {request.HeldOutDays} held-out days needs at least {needed} closed days ({ModelNames.HistoryNeeded(request.Model)} to read, 2 to train on, {request.HeldOutDays} held out); the symbol has {closedDays}";
    }
}
