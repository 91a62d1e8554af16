using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>Forecasts of the day after a history of daily bars.</summary>
public static class ForecasterExtensions
{
    public static DayForecast ForecastNext(this IForecaster forecaster, IReadOnlyList<DailyBar> days)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count < forecaster.Spec.HistoryNeeded)
        {
            throw new ArgumentException($"{forecaster.Spec.Kind} needs {forecaster.Spec.HistoryNeeded} days, got {days.Count}", nameof(days));
        }

        var prices = days.Select(d => d.MeanClose).ToArray();
        var value = forecaster.Predict(prices, prices.Length, 1)[0];
        return new DayForecast(days[^1].Date.AddDays(1), forecaster.Spec.Kind, value, forecaster.Calibration.Intervals(value));
    }

    internal static void CheckRange(this IForecaster forecaster, ReadOnlySpan<double> prices, int from, int count)
    {
        if (from < forecaster.Spec.HistoryNeeded || count < 0 || from + count > prices.Length + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"cannot forecast days [{from}, {from + count}) of {prices.Length} with {forecaster.Spec.HistoryNeeded} days of history");
        }
    }
}
