namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>
/// Which model a symbol's forecast grain serves and whether that is the registry's active version. When they differ,
/// <see cref="LoadFailure"/> says why (the grain keeps serving the model it had and retries on its timer), or the grain
/// has not yet caught up with an activation. <see cref="ActiveVersion"/> is null until the registry has answered.
/// </summary>
[GenerateSerializer, Immutable, Alias("stream.forecast-status")]
public sealed record ForecastStatus(
    [property: Id(0)] string Symbol,
    [property: Id(1)] int ServedVersion,
    [property: Id(2)] string ServedModel,
    [property: Id(3)] int? ActiveVersion,
    [property: Id(4)] DateTimeOffset? CheckedAt,
    [property: Id(5)] ModelLoadFailure? LoadFailure,
    [property: Id(6)] string? LastError)
{
    /// <summary>True when the served model is the registry's active version, as last checked.</summary>
    public bool IsCurrent => ServedVersion == ActiveVersion;
}
