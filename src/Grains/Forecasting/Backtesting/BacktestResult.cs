using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Forecasting.Backtesting;

/// <summary>The outcome of a backtest: the test window's days, the earlier folds, and every model's scores.</summary>
public sealed record BacktestResult(
    BacktestWindow Test,
    IReadOnlyList<DailyBar> TestDays,
    IReadOnlyList<BacktestWindow> Folds,
    IReadOnlyList<ModelBacktest> Models);
