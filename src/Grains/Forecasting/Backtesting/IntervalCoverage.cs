namespace StreamPredictor.Grains.Forecasting.Backtesting;

/// <summary>The share of test days whose true value fell inside a model's interval of <see cref="Level"/>.</summary>
public sealed record IntervalCoverage(double Level, double Share);
