namespace StreamPredictor.Grains.Forecasting.Backtesting;

/// <summary>
/// One model on one window: its errors, how long it trained, its forecasts day by day, and whether it kept <c>last</c>
/// (a day-feature network, or an ensemble of them, that did not clearly beat last on its validation days).
/// </summary>
public sealed record WindowScore(
    BacktestWindow Window,
    ForecastMetrics Metrics,
    double TrainSeconds,
    int Epochs,
    IReadOnlyList<double> Forecasts,
    IReadOnlyList<IntervalCoverage> Coverage,
    bool KeptLast = false);
