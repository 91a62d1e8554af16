using System.Globalization;

namespace StreamPredictor.Api.Tests.Support;

/// <summary>Values read from a Prometheus text exposition: the sum of a metric's samples whose labels contain the given ones.</summary>
public static class PrometheusText
{
    public static double Sum(string exposition, string metric, params string[] labels) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(metric + " ", StringComparison.Ordinal) || line.StartsWith(metric + "{", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Sum(Value);

    /// <summary>The sample's value: the first field after the name and labels (a timestamp may follow).</summary>
    private static double Value(string line)
    {
        var labelsEnd = line.IndexOf('}', StringComparison.Ordinal);
        var rest = labelsEnd >= 0 ? line[(labelsEnd + 1)..] : line[line.IndexOf(' ', StringComparison.Ordinal)..];
        return double.Parse(rest.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
