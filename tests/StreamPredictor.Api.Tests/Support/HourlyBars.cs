using System.Globalization;
using System.Text;

namespace StreamPredictor.Api.Tests.Support;

/// <summary>
/// The rows of the real Bitstamp hourly file (<see cref="SharedData.BitstampHourly"/>), to upload slices of it and to
/// work out by hand what the page must show for them (a day's mean close and OHLC, computed here, not by the system).
/// </summary>
public static class HourlyBars
{
    private static readonly Lazy<(string Header, HourlyBar[] Rows)> File = new(Load);

    public static IReadOnlyList<HourlyBar> Rows => File.Value.Rows;

    public static HttpContent Csv(IEnumerable<HourlyBar> rows)
    {
        var text = new StringBuilder(File.Value.Header).Append('\n');
        foreach (var row in rows)
        {
            text.Append(row.Line).Append('\n');
        }

        return new StringContent(text.ToString(), Encoding.UTF8, "text/csv");
    }

    public static long At(int year, int month, int day, int hour = 0) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>Each UTC day of <paramref name="rows"/>: mean close, open, high, low, close, rows.</summary>
    public static SortedDictionary<DateOnly, (double Mean, double Open, double High, double Low, double Close, int Ticks)> Days(IEnumerable<HourlyBar> rows) =>
        new(rows.GroupBy(r => r.Day).ToDictionary(
            g => g.Key,
            g =>
            {
                var ordered = g.OrderBy(r => r.Timestamp).ToList();
                return (ordered.Average(r => r.Close), ordered[0].Open, ordered.Max(r => r.High), ordered.Min(r => r.Low), ordered[^1].Close, ordered.Count);
            }));

    /// <summary>A price as the page prints it (two decimals, thousands separated).</summary>
    public static string Price(double value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static (string, HourlyBar[]) Load()
    {
        var lines = System.IO.File.ReadAllLines(SharedData.PathOf(SharedData.BitstampHourly));
        return (lines[0], [.. lines.Skip(1).Where(l => l.Length > 0).Select(HourlyBar.Parse)]);
    }
}
