using System.Globalization;
using System.Text;

namespace StreamPredictor.Grains.Forecasting.Nowcasting;

/// <summary>The nowcast replay as plain text: MAE at 0, 6, 12, 18 and 23 h for the rule and each model, the next day's MAE, and interval coverage.</summary>
public static class NowcastTable
{
    /// <summary>The hours the table shows.</summary>
    public static IReadOnlyList<int> Shown { get; } = [0, 6, 12, 18, 23];

    public static string Format(NowcastResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"\nnowcast of the held-out days' means, replayed tick by tick ({result.Days} days): MAE with the ticks before each hour (UTC)\n");
        var header = new[] { "model" }.Concat(Shown.Select(h => string.Create(c, $"{h} h"))).ToArray();
        var rows = new List<string[]> { Row("rule", result.RuleMae) };
        rows.AddRange(result.Models.Select(m => Row(m.Name, m.Mae)));
        Append(text, header, rows);
        text.Append("\nnext day's mean, forecast from the open day so far: MAE\n");
        Append(text, header, result.Models.Select(m => Row(m.Name, m.NextDayMae)));
        if (result.Models.Any(m => m.Coverage.Count > 0))
        {
            text.Append("\nnowcast interval coverage, % of days inside\n");
            var coverageRows = result.Models.SelectMany(m => m.Coverage.Select(cv =>
                Row(string.Create(c, $"{m.Name} {cv.Level * 100:F0}%"), cv.Share.Select(s => s * 100).ToArray(), "F0")));
            Append(text, header, coverageRows);
        }

        return text.ToString();

        string[] Row(string name, IReadOnlyList<double> byHour, string format = "F1") =>
            new[] { name }.Concat(Shown.Select(h => byHour[result.Hours.ToList().IndexOf(h)].ToString(format, c))).ToArray();
    }

    private static void Append(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            text.Append(string.Join("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd()).Append('\n');
        }
    }
}
