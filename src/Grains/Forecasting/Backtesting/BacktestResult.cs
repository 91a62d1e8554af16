using StreamPredictor.Abstractions.Market;
using StreamPredictor.Grains.Forecasting.Nowcasting;

namespace StreamPredictor.Grains.Forecasting.Backtesting;

/// <summary>The outcome of a backtest: the test window's days, the earlier folds, every model's scores, and the nowcast replay of the test window when asked.</summary>
public sealed record BacktestResult(
    BacktestWindow Test,
    IReadOnlyList<DailyBar> TestDays,
    IReadOnlyList<BacktestWindow> Folds,
    IReadOnlyList<ModelBacktest> Models,
    NowcastResult? Nowcast = null);
