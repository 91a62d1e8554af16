using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Streams;

namespace StreamPredictor.Api.Tests.Support;

/// <summary>
/// A test-only nowcast publisher: puts a <see cref="Nowcast"/> on the symbol's "nowcasts" stream as the forecast grain
/// will, so the API and the page can be proven on that path before the grain serves nowcasts.
/// </summary>
public static class TestNowcasts
{
    /// <summary>A nowcast of <paramref name="date"/> at <paramref name="elapsedShare"/> of the day, its bands narrowing as the day fills.</summary>
    public static Nowcast Make(string symbol, DateOnly date, double value, double elapsedShare, int ticks = 10)
    {
        var asOf = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(Math.Round(elapsedShare * 86_400));
        var half = value * ((0.04 * (1 - elapsedShare)) + 0.002);
        return new Nowcast(
            symbol,
            date,
            value,
            [new ForecastInterval(0.8, value - half, value + half), new ForecastInterval(0.95, value - (1.6 * half), value + (1.6 * half))],
            elapsedShare,
            asOf,
            ticks,
            value - 5,
            value + 5,
            "test-publisher",
            DateTimeOffset.UtcNow);
    }

    public static Task PublishAsync(IClusterClient cluster, Nowcast nowcast) =>
        StreamNames.Get<Nowcast>(cluster.GetStreamProvider(StreamNames.Provider), StreamNames.Nowcasts, nowcast.Symbol).OnNextAsync(nowcast);
}
