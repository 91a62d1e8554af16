using System.Globalization;
using System.Text;

namespace StreamPredictor.Client;

/// <summary>Batch numbers written as ranges: <c>1-3, 5, 7-9</c>; long lists are cut after a few ranges.</summary>
internal static class SequenceRanges
{
    private const int MaxRanges = 8;

    /// <param name="through">Every number from 1 to this one (0: none).</param>
    /// <param name="more">Further numbers, ascending, all above <paramref name="through"/>.</param>
    public static string Format(long through, IReadOnlyList<long> more)
    {
        var ranges = new List<(long From, long To)>();
        if (through > 0)
        {
            ranges.Add((1, through));
        }

        foreach (var n in more)
        {
            if (ranges.Count > 0 && ranges[^1].To + 1 == n)
            {
                ranges[^1] = (ranges[^1].From, n);
            }
            else
            {
                ranges.Add((n, n));
            }
        }

        var text = new StringBuilder();
        foreach (var (from, to) in ranges.Take(MaxRanges))
        {
            text.Append(text.Length == 0 ? string.Empty : ", ")
                .Append(from == to ? Number(from) : $"{Number(from)}-{Number(to)}");
        }

        if (ranges.Count > MaxRanges)
        {
            text.Append(CultureInfo.InvariantCulture, $" and {ranges.Count - MaxRanges} more ranges");
        }

        return text.ToString();
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
