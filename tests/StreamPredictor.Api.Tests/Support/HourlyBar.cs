using System.Globalization;

namespace StreamPredictor.Api.Tests.Support;

/// <summary>One row of the Kaggle-layout hourly file, with its original text.</summary>
public sealed record HourlyBar(long Timestamp, double Open, double High, double Low, double Close, string Line)
{
    public DateOnly Day => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(Timestamp).UtcDateTime);

    public static HourlyBar Parse(string line)
    {
        var f = line.Split(',');
        double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return new HourlyBar(long.Parse(f[0], CultureInfo.InvariantCulture), D(1), D(2), D(3), D(4), line);
    }
}
