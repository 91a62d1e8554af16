using StreamPredictor.Sources.LocalExchange;

namespace StreamPredictor.Bench.Soak;

/// <summary>
/// A deterministic market: the trades of any minute follow from the seed and the minute alone, so the run keeps
/// nothing to check against and the expected bars are made again afterwards.
/// </summary>
public sealed class SoakMarket(int seed, int maxTradesPerMinute)
{
    public List<ServerTrade> Minute(long minute)
    {
        var random = new Random(HashCode.Combine(seed, minute));
        var count = random.Next(0, maxTradesPerMinute + 1);
        var price = 60_000m + (minute / 60 % 10_000) + (random.Next(0, 10_000) / 100m);
        var trades = new List<ServerTrade>(count);
        var offsets = Enumerable.Range(0, count).Select(_ => (long)random.Next(0, 60_000_000)).Order().ToList();
        for (var i = 0; i < count; i++)
        {
            price = Math.Max(1m, price + (random.Next(-300, 301) / 100m));
            trades.Add(new ServerTrade((minute * 100) + i, (minute * 1_000_000) + offsets[i], price, random.Next(1, 5_000_000) / 100_000_000m));
        }

        return trades;
    }
}
