using System.Diagnostics.CodeAnalysis;
using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Grains.Training;

/// <summary>
/// The trainer's checks of a <see cref="TrainingRequest"/> before a run starts: <see cref="TrainingRules"/> (the SDK's own),
/// and that the request reached the trainer of its model. Each throws <see cref="ArgumentException"/> with one line; a Failed
/// status is kept for failures during training.
/// </summary>
public static class TrainingRequestRules
{
    /// <summary>The request's own values, for the trainer of <paramref name="trainerModel"/>.</summary>
    public static void Check(TrainingRequest request, string trainerModel)
    {
        if (TrainingRules.Problem(request) is { } problem)
        {
            Refuse(problem);
        }

        if (request.Model != trainerModel)
        {
            Refuse($"this trainer trains {trainerModel}; a request for {request.Model} goes to the {request.Model} trainer");
        }
    }

    /// <summary>Enough closed days: the model's history, two training windows, and the held-out days.</summary>
    public static void CheckDays(TrainingRequest request, int closedDays)
    {
        if (TrainingRules.DaysProblem(request, closedDays) is { } problem)
        {
            Refuse(problem);
        }
    }

    [DoesNotReturn]
    private static void Refuse(string message) => throw new ArgumentException(message);
}
