using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Grains;

/// <summary>The request a trainer repeats on its reminder. Never renumber the ids.</summary>
[GenerateSerializer, Alias("stream.trainer-schedule-state")]
public sealed class TrainerScheduleState
{
    [Id(0)] public TrainingRequest? Request { get; set; }

    [Id(1)] public TimeSpan Period { get; set; }
}
