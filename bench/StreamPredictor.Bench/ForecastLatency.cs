using BenchmarkDotNet.Attributes;
using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Bench;

/// <summary>Latency of one next-day forecast from a trained model (its window read, scaled, run, scaled back).</summary>
[InProcess]
[MemoryDiagnoser]
public class ForecastLatency
{
    private double[] _prices = [];
    private IForecaster _model = null!;

    [Params(ModelNames.Naive, ModelNames.MlpSeed, ModelNames.RnnSeed, ModelNames.Lstm, ModelNames.Gru)]
    public string Model { get; set; } = ModelNames.Naive;

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.UseThreads(1);
        _prices = ForecastBenchData.ForWindows(300, 61);
        _model = ForecastTrainer.Train(ModelSpec.Default(Model), _prices, new TrainingOptions { Epochs = 1 });
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    [Benchmark]
    public double NextDay() => _model.Predict(_prices, _prices.Length, 1)[0];
}
