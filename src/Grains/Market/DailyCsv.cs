using System.Globalization;
using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Grains.Market;

/// <summary>The daily CSV of <c>stream daily</c> and <c>stream days</c>: one line per UTC day, oldest first.</summary>
public static class DailyCsv
{
    public const string Header = "date,mean_close,ticks,open,high,low,close,volume";

    public static void Write(TextWriter writer, IEnumerable<DailyBar> days)
    {
        writer.Write(Header);
        writer.Write('\n');
        foreach (var day in days)
        {
            writer.Write(FormatLine(day));
            writer.Write('\n');
        }
    }

    /// <summary>One line; doubles in their shortest round-trip form, so reading them back gives the same bits.</summary>
    public static string FormatLine(DailyBar day) => string.Join(',',
        day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Format(day.MeanClose),
        day.Ticks.ToString(CultureInfo.InvariantCulture),
        Format(day.Open),
        Format(day.High),
        Format(day.Low),
        Format(day.Close),
        Format(day.Volume));

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
