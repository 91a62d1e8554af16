using StreamPredictor.Abstractions.Market;
using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>Forecasts of the day after a history of daily bars.</summary>
public static class ForecasterExtensions
{
    public static DayForecast ForecastNext(this IForecaster forecaster, IReadOnlyList<DailyBar> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return forecaster.ForecastNext(DailySeries.From(days));
    }

    /// <summary>The forecast of the day after the series, with the model's intervals for it.</summary>
    public static DayForecast ForecastNext(this IForecaster forecaster, DailySeries days)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count < forecaster.Spec.HistoryNeeded || days.Count == 0)
        {
            throw new ArgumentException($"{forecaster.Spec.Kind} needs {forecaster.Spec.HistoryNeeded} days, got {days.Count}", nameof(days));
        }

        var value = forecaster.Predict(days, days.Count, 1)[0];
        return new DayForecast(days.Bars[^1].Date.AddDays(1), forecaster.Spec.Kind, value, forecaster.Calibration.Intervals(value, days, days.Count));
    }

    /// <summary>One-step forecasts on a series known only by its daily means (see <see cref="DailySeries.FromMeans"/>).</summary>
    public static double[] Predict(this IForecaster forecaster, ReadOnlySpan<double> means, int from, int count)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        return forecaster.Predict(DailySeries.FromMeans(means), from, count);
    }

    internal static void CheckRange(this IForecaster forecaster, DailySeries days, int from, int count)
    {
        if (from < Math.Max(1, forecaster.Spec.HistoryNeeded) || count < 0 || from + count > days.Count + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"cannot forecast days [{from}, {from + count}) of {days.Count} with {forecaster.Spec.HistoryNeeded} days of history");
        }
    }
}
