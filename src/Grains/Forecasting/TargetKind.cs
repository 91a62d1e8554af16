namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// What a network learns to predict: the next day's mean (the tutorial's price level), the next day's log return of the
/// mean, or the log ratio of the next day's mean to today's last close (what the day-feature networks predict).
/// </summary>
public enum TargetKind
{
    Price,
    LogReturn,
    MeanOverClose,
}
