namespace StreamPredictor.Grains.Forecasting.Backtesting;

/// <summary>One model on one window: its errors, how long it trained, and its forecasts, day by day.</summary>
public sealed record WindowScore(
    BacktestWindow Window,
    ForecastMetrics Metrics,
    double TrainSeconds,
    int Epochs,
    IReadOnlyList<double> Forecasts,
    IReadOnlyList<IntervalCoverage> Coverage);
