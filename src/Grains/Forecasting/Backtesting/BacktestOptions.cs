using StreamPredictor.Abstractions.Forecasting;
namespace StreamPredictor.Grains.Forecasting.Backtesting;

/// <summary>What a backtest runs: the models, the length of the test window, how many earlier windows (folds) and how to train.</summary>
public sealed record BacktestOptions
{
    public IReadOnlyList<ModelSpec> Models { get; init; } = ModelNames.All.Select(n => ModelSpec.Default(n)).ToArray();

    public int TestDays { get; init; } = 60;

    /// <summary>Earlier test windows of <see cref="TestDays"/> each, right before the last one; every model is retrained per window.</summary>
    public int Folds { get; init; }

    public TrainingOptions Training { get; init; } = new();
}
