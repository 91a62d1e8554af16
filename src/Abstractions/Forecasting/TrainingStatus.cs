namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>Where a training run stands; once completed, the version it registered and whether it became active.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Model">The model trained.</param>
/// <param name="State">Where the run stands.</param>
/// <param name="Epoch">The last epoch finished.</param>
/// <param name="Epochs">The epochs asked for.</param>
/// <param name="Loss">The last epoch's training loss.</param>
/// <param name="ValidationLoss">The last epoch's validation loss, when a validation share is held out.</param>
/// <param name="Elapsed">Time spent training.</param>
/// <param name="Remaining">Estimated time left.</param>
/// <param name="Message">What happened, in a sentence (why a run failed, whether a version was activated).</param>
/// <param name="Result">The version registered, once completed.</param>
/// <param name="ActiveMaeOnSameDays">The active model's MAE on the same held-out days.</param>
/// <param name="Silo">The silo that ran it.</param>
/// <param name="OnAccelerator">Whether that silo has an accelerator.</param>
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
    /// <summary>Whether the run has ended: completed, failed or cancelled.</summary>
    public bool IsFinished => State is TrainingState.Completed or TrainingState.Failed or TrainingState.Cancelled;
}
