using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Grains.Tests.Forecasting;

/// <summary>
/// Tests that compare trained numbers run alone: torch's random generator is process-wide, and a test elsewhere that
/// seeds or draws from it while ours train would change our draws. One torch thread keeps them fast on a busy machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection : ICollectionFixture<TorchCollection.OneThread>
{
    public const string Name = "torch training";

    public sealed class OneThread
    {
        public OneThread() => TorchRuntime.UseThreads(1);
    }
}
