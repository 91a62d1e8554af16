namespace Stream.Grains.Forecasting;

/// <summary>A model's forecast of one day's mean close, with its intervals when the model was calibrated.</summary>
public sealed record Forecast(DateOnly Date, string Model, double Value, IReadOnlyList<ForecastInterval> Intervals);
