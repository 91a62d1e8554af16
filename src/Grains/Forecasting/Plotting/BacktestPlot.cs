using ScottPlot;
using StreamPredictor.Grains.Forecasting.Backtesting;

namespace StreamPredictor.Grains.Forecasting.Plotting;

/// <summary>The tutorial's figure for every model at once: the test window's true daily means against each model's forecasts.</summary>
public static class BacktestPlot
{
    public static void SavePng(BacktestResult result, string path, int width = 1200, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        var xs = result.TestDays.Select(d => d.Date.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        var truth = plot.Add.Scatter(xs, result.TestDays.Select(d => d.MeanClose).ToArray());
        truth.LegendText = "true daily mean";
        truth.LineWidth = 3;
        truth.MarkerSize = 0;
        truth.Color = Colors.Black;
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < result.Models.Count; i++)
        {
            var model = result.Models[i];
            var line = plot.Add.Scatter(xs, model.Test.Forecasts.ToArray());
            line.LegendText = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{model.Name} (MASE {model.Test.Metrics.Mase:F2})");
            line.LineWidth = 1.5f;
            line.MarkerSize = 0;
            line.Color = palette.GetColor(i);
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Title($"Next-day forecasts of the daily mean close, {result.Test.From:yyyy-MM-dd} .. {result.Test.To:yyyy-MM-dd}");
        plot.XLabel("date (UTC)");
        plot.YLabel("mean close");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, width, height);
    }
}
