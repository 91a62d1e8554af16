using System.Globalization;
using System.Text;

namespace StreamPredictor.Grains.Forecasting.Backtesting;

/// <summary>
/// The backtest as plain aligned text: the test window's scores, then, with folds, their means and each fold's MASE and
/// ratio to last. "vs last" is the MAE over last's on the same days; "kept last" says in how many windows a day-feature
/// network (or the ensemble) kept last's forecasts because training did not clearly beat it on validation.
/// </summary>
public static class BacktestTable
{
    public static string Format(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"test window {Date(result.Test.From)} .. {Date(result.Test.To)} ({result.Test.Days} days)\n");
        var rows = result.Models.Select(m => new[]
        {
            m.Name,
            m.Test.Metrics.Mae.ToString("F3", c),
            m.Test.Metrics.Rmse.ToString("F3", c),
            m.Test.Metrics.Mape.ToString("F3", c),
            m.Test.Metrics.Mase.ToString("F3", c),
            m.Test.Metrics.MaeVsLast.ToString("F3", c),
            m.Test.TrainSeconds.ToString("F1", c),
            m.Test.Epochs.ToString(c),
            string.Join(" ", m.Test.Coverage.Select(cv => string.Create(c, $"{cv.Level * 100:F0}%:{cv.Share * 100:F0}%"))),
            !m.CanKeepLast ? "" : m.Test.KeptLast ? "yes" : "no",
        });
        Append(text, ["model", "MAE", "RMSE", "MAPE %", "MASE", "vs last", "train s", "epochs", "coverage", "kept last"], rows);
        if (result.Folds.Count > 0)
        {
            text.Append(c, $"\nrolling origin: {result.Folds.Count} earlier windows of {result.Test.Days} days, {Date(result.Folds[0].From)} .. {Date(result.Folds[^1].To)}, mean over folds\n");
            var foldRows = result.Models.Select(m => new[]
            {
                m.Name,
                m.FoldMean!.Mae.ToString("F3", c),
                m.FoldMean.Rmse.ToString("F3", c),
                m.FoldMean.Mape.ToString("F3", c),
                m.FoldMean.Mase.ToString("F3", c),
                m.FoldMean.MaeVsLast.ToString("F3", c),
                m.Folds.Sum(f => f.TrainSeconds).ToString("F1", c),
                string.Create(c, $"{m.FoldsBeatingNaive}/{m.Folds.Count}"),
                string.Create(c, $"{m.FoldsBeatingLast}/{m.Folds.Count}"),
                m.CanKeepLast ? string.Create(c, $"{m.Folds.Count(f => f.KeptLast)}/{m.Folds.Count}") : "",
            });
            Append(text, ["model", "MAE", "RMSE", "MAPE %", "MASE", "vs last", "train s", "beats naive", "beats last", "kept last"], foldRows);
            text.Append("\nper fold, oldest first: MASE | vs last\n");
            var perFold = result.Models.Select(m => new[]
            {
                m.Name,
                string.Join(" ", m.Folds.Select(f => f.Metrics.Mase.ToString("F3", c))),
                "|",
                string.Join(" ", m.Folds.Select(f => f.Metrics.MaeVsLast.ToString("F3", c))),
            });
            Append(text, ["model", "MASE", "", "vs last"], perFold);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]));
            text.Append(string.Join("  ", cells).TrimEnd()).Append('\n');
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
