using ScottPlot;

namespace StreamPredictor.Grains.Forecasting.Nowcasting;

/// <summary>How the nowcast's error falls through the day: MAE against the hour, for the rule and every model.</summary>
public static class NowcastPlot
{
    public static void SavePng(NowcastResult result, string path, int width = 1000, int height = 550)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plot = new Plot();
        var xs = result.Hours.Select(h => (double)h).ToArray();
        var rule = plot.Add.Scatter(xs, result.RuleMae.ToArray());
        rule.LegendText = "time-weighted rule";
        rule.LineWidth = 3;
        rule.Color = Colors.Black;
        rule.LinePattern = LinePattern.Dashed;
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < result.Models.Count; i++)
        {
            var line = plot.Add.Scatter(xs, result.Models[i].Mae.ToArray());
            line.LegendText = $"{result.Models[i].Name} nowcast";
            line.LineWidth = 1.5f;
            line.Color = palette.GetColor(i);
        }

        plot.Title($"Nowcast of the day's mean close through the day: MAE over {result.Days} held-out days");
        plot.XLabel("hour of the day (UTC): ticks before it are in");
        plot.YLabel("MAE of the day's mean");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, width, height);
    }
}
