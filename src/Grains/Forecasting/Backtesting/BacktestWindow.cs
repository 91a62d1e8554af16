namespace StreamPredictor.Grains.Forecasting.Backtesting;

/// <summary>Days <c>[Start, Start + Days)</c> of the series, forecast by models trained on the days before <see cref="Start"/>.</summary>
public sealed record BacktestWindow(int Start, int Days, DateOnly From, DateOnly To);
