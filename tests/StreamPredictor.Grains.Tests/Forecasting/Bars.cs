using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Grains.Tests.Forecasting;

/// <summary>Small hand-made series of daily bars for tests whose expected numbers are worked out by hand.</summary>
internal static class Bars
{
    /// <summary>Consecutive days from 2024-01-01, each (mean, close); open, high and low around them, 24 ticks, volume 10.</summary>
    public static DailySeries Of(params (double Mean, double Close)[] days) => DailySeries.From(
        days.Select((d, i) => new DailyBar(
            new DateOnly(2024, 1, 1).AddDays(i), d.Mean, 24, d.Mean, Math.Max(d.Mean, d.Close) + 1, Math.Min(d.Mean, d.Close) - 1, d.Close, 10))
        .ToArray());
}
