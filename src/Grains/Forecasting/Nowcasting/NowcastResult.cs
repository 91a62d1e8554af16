namespace StreamPredictor.Grains.Forecasting.Nowcasting;

/// <summary>The nowcast replay of the held-out days: per hour, the rule's MAE and each model's.</summary>
public sealed record NowcastResult(IReadOnlyList<int> Hours, int Days, IReadOnlyList<double> RuleMae, IReadOnlyList<NowcastScore> Models);
