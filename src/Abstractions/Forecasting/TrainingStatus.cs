namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>Where a training run stands; once completed, the version it registered and whether it became active.</summary>
[GenerateSerializer, Immutable, Alias("stream.training-status")]
public sealed record TrainingStatus(
    [property: Id(0)] string Symbol,
    [property: Id(1)] string Model,
    [property: Id(2)] TrainingState State,
    [property: Id(3)] int Epoch = 0,
    [property: Id(4)] int Epochs = 0,
    [property: Id(5)] double Loss = double.NaN,
    [property: Id(6)] double? ValidationLoss = null,
    [property: Id(7)] TimeSpan Elapsed = default,
    [property: Id(8)] TimeSpan? Remaining = null,
    [property: Id(9)] string Message = "",
    [property: Id(10)] ModelVersion? Result = null,
    [property: Id(11)] double? ActiveMaeOnSameDays = null,
    [property: Id(12)] string? Silo = null,
    [property: Id(13)] bool OnAccelerator = false)
{
    public bool IsFinished => State is TrainingState.Completed or TrainingState.Failed or TrainingState.Cancelled;
}
