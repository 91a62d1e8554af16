using StreamPredictor.Sources.LocalExchange;

namespace StreamPredictor.Sources.Tests.Support;

/// <summary>What the cluster should end up with, computed from the local exchange's own trades (not by the code under test).</summary>
public static class Expected
{
    public static Tick ToTick(ServerBar bar) =>
        new(bar.Timestamp, (double)bar.Open, (double)bar.High, (double)bar.Low, (double)bar.Close, (double)bar.Volume);

    /// <summary>The exchange's minute bars in [<paramref name="from"/>, <paramref name="to"/>), as ticks.</summary>
    public static List<Tick> Bars(LocalBitstamp server, string pair, long from, long to) =>
        [.. ServerBar.Of(server.Tape.Trades(pair)).Where(b => b.Timestamp >= from && b.Timestamp < to).Select(ToTick)];

    /// <summary>Per UTC day: minutes, the mean of the closes, OHLC and volume, summed in decimal.</summary>
    public static List<(DateOnly Date, int Minutes, double MeanClose, double Open, double High, double Low, double Close, double Volume)> Days(IEnumerable<ServerBar> bars) =>
        [.. bars.GroupBy(b => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(b.Timestamp).UtcDateTime))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var day = g.OrderBy(b => b.Timestamp).ToList();
                return (g.Key, day.Count, (double)(day.Sum(b => b.Close) / day.Count), (double)day[0].Open, (double)day.Max(b => b.High),
                    (double)day.Min(b => b.Low), (double)day[^1].Close, (double)day.Sum(b => b.Volume));
            })];
}
