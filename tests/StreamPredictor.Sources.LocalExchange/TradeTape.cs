namespace StreamPredictor.Sources.LocalExchange;

/// <summary>Every trade the local exchange has made, per pair and minute: the truth its socket and its OHLC endpoint both tell.</summary>
public sealed class TradeTape
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedList<long, List<ServerTrade>>> _minutes = new(StringComparer.Ordinal);

    public void Add(string pair, IEnumerable<ServerTrade> trades)
    {
        lock (_lock)
        {
            if (!_minutes.TryGetValue(pair, out var minutes))
            {
                minutes = [];
                _minutes[pair] = minutes;
            }

            foreach (var trade in trades)
            {
                if (!minutes.TryGetValue(trade.Minute, out var list))
                {
                    list = [];
                    minutes.Add(trade.Minute, list);
                }

                list.Add(trade);
            }
        }
    }

    /// <summary>Forgets the pair's minutes before <paramref name="before"/> (unix seconds), so a long run keeps only recent history.</summary>
    public void Forget(string pair, long before)
    {
        lock (_lock)
        {
            if (_minutes.TryGetValue(pair, out var minutes))
            {
                while (minutes.Count > 0 && minutes.Keys[0] < before)
                {
                    minutes.RemoveAt(0);
                }
            }
        }
    }

    public IReadOnlyList<ServerTrade> Trades(string pair)
    {
        lock (_lock)
        {
            return _minutes.TryGetValue(pair, out var minutes) ? [.. minutes.Values.SelectMany(l => l)] : [];
        }
    }

    /// <summary>Up to <paramref name="limit"/> bars of minutes at or after <paramref name="start"/> that ended by <paramref name="endBefore"/>.</summary>
    public IReadOnlyList<ServerBar> Bars(string pair, long start, long endBefore, int limit)
    {
        lock (_lock)
        {
            if (!_minutes.TryGetValue(pair, out var minutes))
            {
                return [];
            }

            var bars = new List<ServerBar>();
            for (var i = LowerBound(minutes.Keys, start); i < minutes.Count && bars.Count < limit; i++)
            {
                var minute = minutes.Keys[i];
                if (minute + 60 > endBefore)
                {
                    break;
                }

                bars.AddRange(ServerBar.Of(minutes.Values[i]));
            }

            return bars;
        }
    }

    /// <summary>The pair's minute bars that have ended by <paramref name="nowSeconds"/>.</summary>
    public IReadOnlyList<ServerBar> CompleteBars(string pair, long nowSeconds) => Bars(pair, long.MinValue, nowSeconds, int.MaxValue);

    private static int LowerBound(IList<long> keys, long value)
    {
        int low = 0, high = keys.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (keys[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
