using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Client;

/// <summary>The checks a training request passes before anything is sent, each failure one line naming the field.</summary>
internal static class TrainingRequestRules
{
    public const int MaxEpochs = 100_000;

    public static string? Problem(TrainingRequest request)
    {
        if (!TrainingModels.IsKnown(request.Model))
        {
            return $"unknown model '{request.Model}'; known: {string.Join(", ", TrainingModels.All)}";
        }

        if (request.Epochs is < 1 or > MaxEpochs)
        {
            return $"Epochs must be between 1 and {MaxEpochs:N0}, not {request.Epochs}";
        }

        if (request.HeldOutDays < 1)
        {
            return $"HeldOutDays must be at least 1, not {request.HeldOutDays}";
        }

        if (request.LearningRate is { } rate && !(double.IsFinite(rate) && rate > 0))
        {
            return $"LearningRate must be a positive number, not {rate}";
        }

        return request.ValidationFraction is >= 0 and < 1
            ? null
            : $"ValidationFraction must be at least 0 and below 1, not {request.ValidationFraction}";
    }
}
