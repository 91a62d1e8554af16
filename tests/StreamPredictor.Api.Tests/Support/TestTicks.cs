using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace StreamPredictor.Api.Tests.Support;

/// <summary>Small tick sets made for a test, and their JSON and CSV upload bodies.</summary>
public static class TestTicks
{
    /// <summary><paramref name="days"/> UTC days from <paramref name="first"/>, <paramref name="perDay"/> one-minute ticks each, close rising by 1 per tick.</summary>
    public static Tick[] Days(DateOnly first, int days, int perDay = 4, double start = 100)
    {
        var origin = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        return [.. Enumerable.Range(0, days).SelectMany(d => Enumerable.Range(0, perDay).Select(m =>
        {
            var close = start + (d * perDay) + m;
            return new Tick(origin + (d * 86_400L) + (m * 60L), close - 0.5, close + 1, close - 1, close, m + 1);
        }))];
    }

    public static HttpContent Json(IEnumerable<Tick> ticks) => JsonContent.Create(ticks.Select(t => new
    {
        timestamp = t.Timestamp,
        open = t.Open,
        high = t.High,
        low = t.Low,
        close = t.Close,
        volume = t.Volume,
    }));

    public static HttpContent Csv(IEnumerable<Tick> ticks)
    {
        var text = new StringBuilder("timestamp,open,high,low,close,volume\n");
        foreach (var t in ticks)
        {
            text.Append(CultureInfo.InvariantCulture, $"{t.Timestamp},{t.Open:R},{t.High:R},{t.Low:R},{t.Close:R},{t.Volume:R}\n");
        }

        return new StringContent(text.ToString(), Encoding.UTF8, "text/csv");
    }
}
