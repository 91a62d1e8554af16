namespace StreamPredictor.Grains.Forecasting;

/// <summary>What a network learns to predict: the next day's price level (the tutorial's) or the next day's log return.</summary>
public enum TargetKind
{
    Price,
    LogReturn,
}
