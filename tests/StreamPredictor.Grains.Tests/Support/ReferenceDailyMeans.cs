using System.Globalization;
using System.IO.Compression;

namespace StreamPredictor.Grains.Tests.Support;

/// <summary>
/// An independent, deliberately plain computation of daily means, as pandas'
/// <c>groupby(date)["Close"].mean()</c> does it: string splitting, framework parsing, LINQ grouping.
/// </summary>
public static class ReferenceDailyMeans
{
    public sealed record Day(DateOnly Date, double MeanClose, int Ticks);

    public static IReadOnlyList<Day> Compute(string path)
    {
        using var file = File.OpenRead(path);
        using System.IO.Stream input = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(input);
        var header = reader.ReadLine()!.Split(',');
        var closeColumn = Array.FindIndex(header, h => h.Equals("close", StringComparison.OrdinalIgnoreCase));
        var rows = new List<(long Timestamp, double Close)>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            var close = double.Parse(fields[closeColumn], CultureInfo.InvariantCulture);
            if (!double.IsNaN(close))
            {
                rows.Add((long.Parse(fields[0], CultureInfo.InvariantCulture), close));
            }
        }

        return rows
            .DistinctBy(r => r.Timestamp)
            .GroupBy(r => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(r.Timestamp).UtcDateTime))
            .OrderBy(g => g.Key)
            .Select(g => new Day(g.Key, g.Average(r => r.Close), g.Count()))
            .ToList();
    }
}
