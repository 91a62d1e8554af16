namespace StreamPredictor.Grains.Forecasting;

/// <summary>What a network reads per day of its window: the series of daily means (the tutorial's) or the day's features (<see cref="Features.DayFeatures"/>).</summary>
public enum ModelInput
{
    Means,
    DayFeatures,
}
