namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>A recurring training of one model for one symbol: the request, repeated every <see cref="Period"/>.</summary>
/// <param name="Request">What to train each time.</param>
/// <param name="Period">How often.</param>
[GenerateSerializer, Immutable, Alias("stream.training-schedule")]
public sealed record TrainingSchedule(
    [property: Id(0)] TrainingRequest Request,
    [property: Id(1)] TimeSpan Period);
