using StreamPredictor.Abstractions.Forecasting;
using BenchmarkDotNet.Attributes;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Bench;

/// <summary>Latency of one next-day forecast from a trained model (its window read or its features built, scaled, run, scaled back).</summary>
[InProcess]
[MemoryDiagnoser]
public class ForecastLatency
{
    private DailySeries _days = null!;
    private IForecaster _model = null!;

    [Params(ModelNames.Naive, ModelNames.Last, ModelNames.MlpSeed, ModelNames.RnnSeed, "lstm-means", "gru-means", ModelNames.Mlp, ModelNames.Lstm, ModelNames.Gru, ModelNames.Ensemble)]
    public string Model { get; set; } = ModelNames.Naive;

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.UseThreads(1);
        _days = ForecastBenchData.ForWindows(300, 61);
        _model = ForecastTrainer.Train(ForecastBenchData.Spec(Model), _days, new TrainingOptions { Epochs = 1, Significance = 0 });
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    [Benchmark]
    public double NextDay() => _model.Predict(_days, _days.Count, 1)[0];
}
