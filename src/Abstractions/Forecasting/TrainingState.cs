namespace StreamPredictor.Abstractions.Forecasting;

[GenerateSerializer, Alias("stream.training-state")]
public enum TrainingState
{
    Idle = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,
    Cancelled = 4,
}
