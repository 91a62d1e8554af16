namespace StreamPredictor.Grains.Forecasting.Nowcasting;

/// <summary>The share of days whose mean fell inside the nowcast's interval of <see cref="Level"/>, per hour.</summary>
public sealed record NowcastCoverage(double Level, IReadOnlyList<double> Share);
