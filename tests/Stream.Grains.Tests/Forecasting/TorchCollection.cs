namespace Stream.Grains.Tests.Forecasting;

/// <summary>
/// Tests that compare trained numbers run alone: torch's random generator is process-wide, and a test elsewhere that
/// seeds or draws from it while ours train would change our draws.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "torch training";
}
