using StreamPredictor.Abstractions.Forecasting;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Bench;

/// <summary>
/// Seconds per training epoch of each network on 3,000 windows of its days (60 for the tutorial's and the mean-series
/// models, 30 for the day-feature LSTM/GRU, 10 for mlp), batch 64 (the tutorial's setting), CPU or CUDA as
/// <see cref="TorchRuntime"/> picks, one torch thread (the CLI's default). One operation is a one-epoch training run
/// (building the network, scaling the series or building the features included, a small share next to the epoch); the
/// feature networks hold out their default validation share, so 2,400 windows train and 600 are evaluated.
/// </summary>
[Config(typeof(EpochConfig))]
public class TrainingSpeed
{
    private DailySeries _days = null!;
    private ModelSpec _spec = null!;

    [Params(ModelNames.MlpSeed, ModelNames.RnnSeed, "lstm-means", "gru-means", ModelNames.Mlp, ModelNames.Lstm, ModelNames.Gru)]
    public string Model { get; set; } = ModelNames.MlpSeed;

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.UseThreads(1);
        _spec = ForecastBenchData.Spec(Model);
        _days = ForecastBenchData.ForWindows(3_000, _spec.HistoryNeeded);
    }

    [Benchmark]
    public int OneEpoch()
    {
        using var model = ForecastTrainer.Train(_spec, _days, new TrainingOptions { Epochs = 1 });
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
