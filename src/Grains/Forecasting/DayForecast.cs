using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// A model's forecast of one day's mean close, with its intervals when the model was calibrated. The forecast
/// grain turns it into the <see cref="Forecast"/> it serves (symbol, model version, the day it is based on).
/// </summary>
public sealed record DayForecast(DateOnly Date, string Model, double Value, IReadOnlyList<ForecastInterval> Intervals);
