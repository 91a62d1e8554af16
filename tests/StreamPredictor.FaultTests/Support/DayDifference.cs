using System.Globalization;

namespace StreamPredictor.FaultTests.Support;

/// <summary>Compares two daily CSVs and, when they differ, says which days lost or doubled ticks.</summary>
public static class DayDifference
{
    /// <summary>Null when the CSVs are equal; else how many ticks are missing or extra and on which days.</summary>
    public static string? Describe(string expected, string actual)
    {
        if (expected == actual)
        {
            return null;
        }

        var want = Parse(expected);
        var got = Parse(actual);
        var differences = want.Keys.Union(got.Keys).Order()
            .Where(day => want.GetValueOrDefault(day) != got.GetValueOrDefault(day))
            .Select(day => DescribeDay(day, want.GetValueOrDefault(day), got.GetValueOrDefault(day)))
            .ToList();
        var lost = want.Sum(d => Math.Max(0, Ticks(d.Value) - Ticks(got.GetValueOrDefault(d.Key))));
        var doubled = got.Sum(d => Math.Max(0, Ticks(d.Value) - Ticks(want.GetValueOrDefault(d.Key))));
        return $"the cluster's days differ from stream daily on {differences.Count} days: {lost:N0} ticks missing, {doubled:N0} extra\n" +
            string.Join('\n', differences.Take(20));
    }

    private static Dictionary<string, string> Parse(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
        .ToDictionary(line => line[..line.IndexOf(',', StringComparison.Ordinal)], line => line);

    private static long Ticks(string? line) => line is null ? 0 : long.Parse(line.Split(',')[2], CultureInfo.InvariantCulture);

    private static string DescribeDay(string day, string? want, string? got) => $"{day}: expected {want ?? "(none)"}, got {got ?? "(none)"}";
}
