using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Bench;

/// <summary>
/// Seconds per training epoch of each network on 3,000 windows of 60 days, batch 64 (the tutorial's setting), CPU or CUDA
/// as <see cref="TorchRuntime"/> picks, one torch thread (the CLI's default). One operation is a one-epoch training run (building the network and scaling the
/// series included, a small share next to the epoch).
/// </summary>
[Config(typeof(EpochConfig))]
public class TrainingSpeed
{
    private double[] _prices = [];
    private ModelSpec _spec = null!;

    [Params(ModelNames.MlpSeed, ModelNames.RnnSeed, ModelNames.Lstm, ModelNames.Gru)]
    public string Model { get; set; } = ModelNames.MlpSeed;

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.UseThreads(1);
        _spec = ModelSpec.Default(Model);
        _prices = ForecastBenchData.ForWindows(3_000, _spec.HistoryNeeded);
    }

    [Benchmark]
    public int OneEpoch()
    {
        using var model = ForecastTrainer.Train(_spec, _prices, new TrainingOptions { Epochs = 1 });
        return model.Training.EpochsRun;
    }

    /// <summary>Epochs take seconds: one warm-up and three measured runs in this process, no pilot.</summary>
    private sealed class EpochConfig : ManualConfig
    {
        public EpochConfig() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithToolchain(InProcessEmitToolchain.Instance));
    }
}
