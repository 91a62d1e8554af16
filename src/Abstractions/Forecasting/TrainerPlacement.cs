namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>Where a trainer grain runs.</summary>
/// <param name="Silo">The silo hosting the activation.</param>
/// <param name="Accelerator">Whether that silo offers an accelerator to trainers.</param>
/// <param name="Device">The torch device training uses there, e.g. <c>cpu</c> or <c>cuda</c>.</param>
[GenerateSerializer, Immutable, Alias("stream.trainer-placement")]
public sealed record TrainerPlacement(
    [property: Id(0)] string Silo,
    [property: Id(1)] bool Accelerator,
    [property: Id(2)] string Device);
