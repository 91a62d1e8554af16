namespace StreamPredictor.Sources.LocalExchange;

/// <summary>One minute of the local exchange's trades, computed exactly: what its OHLC endpoint serves.</summary>
public sealed record ServerBar(long Timestamp, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, int Trades)
{
    /// <summary>The minute bars of some trades: by trade time, close = the latest trade (ties: the higher id), each id once.</summary>
    public static IReadOnlyList<ServerBar> Of(IEnumerable<ServerTrade> trades) =>
        [.. trades.DistinctBy(t => t.Id)
            .GroupBy(t => t.Minute)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var ordered = g.OrderBy(t => t.Micros).ThenBy(t => t.Id).ToList();
                return new ServerBar(g.Key, ordered[0].Price, ordered.Max(t => t.Price), ordered.Min(t => t.Price), ordered[^1].Price, ordered.Sum(t => t.Amount), ordered.Count);
            })];
}
