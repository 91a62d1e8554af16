namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>A model version the forecast grain could not load (a newer blob format, a corrupt blob, a torch error), and why.</summary>
[GenerateSerializer, Immutable, Alias("stream.model-load-failure")]
public sealed record ModelLoadFailure(
    [property: Id(0)] int Version,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset At);
