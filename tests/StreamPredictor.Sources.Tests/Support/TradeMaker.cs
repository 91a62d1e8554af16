using StreamPredictor.Sources.LocalExchange;

namespace StreamPredictor.Sources.Tests.Support;

/// <summary>Plausible trades for the local exchange: a seeded random walk of prices, 0 to N trades a minute.</summary>
public sealed class TradeMaker(int seed, decimal price = 61_000m)
{
    private readonly Random _random = new(seed);
    private long _nextId = 300_000_000;
    private decimal _price = price;

    /// <summary>Trades inside the minute starting at <paramref name="minute"/> (unix seconds), in time order.</summary>
    public List<ServerTrade> Minute(long minute, int maxTrades = 6, bool allowEmpty = true)
    {
        var count = _random.Next(allowEmpty ? 0 : 1, maxTrades + 1);
        var offsets = Enumerable.Range(0, count).Select(_ => (long)_random.Next(0, 60_000_000)).Order().ToList();
        var trades = new List<ServerTrade>(count);
        foreach (var offset in offsets)
        {
            _price = Math.Max(1m, _price + (_random.Next(-500, 501) / 100m));
            var amount = _random.Next(1, 2_000_000) / 100_000_000m;
            trades.Add(new ServerTrade(_nextId++, (minute * 1_000_000) + offset, _price, amount, _random.Next(2)));
        }

        return trades;
    }

    /// <summary>Trades for every minute in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public List<ServerTrade> Minutes(long from, long to, int maxTrades = 6)
    {
        var trades = new List<ServerTrade>();
        for (var minute = from; minute < to; minute += 60)
        {
            trades.AddRange(Minute(minute, maxTrades));
        }

        return trades;
    }

    /// <summary>The same trades in another order, some of them twice: what a feed may deliver.</summary>
    public List<ServerTrade> Shuffled(IReadOnlyList<ServerTrade> trades, double duplicateShare = 0.2)
    {
        var sent = trades.Concat(trades.Where(_ => _random.NextDouble() < duplicateShare)).ToList();
        for (var i = sent.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (sent[i], sent[j]) = (sent[j], sent[i]);
        }

        return sent;
    }
}
