namespace StreamPredictor.Grains.Forecasting.Nowcasting;

/// <summary>One model's nowcasts through the day: MAE of the day's mean and of the next day's, and interval coverage, per hour.</summary>
public sealed record NowcastScore(string Name, IReadOnlyList<double> Mae, IReadOnlyList<double> NextDayMae, IReadOnlyList<NowcastCoverage> Coverage);
