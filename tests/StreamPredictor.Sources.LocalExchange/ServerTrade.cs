using System.Globalization;

namespace StreamPredictor.Sources.LocalExchange;

/// <summary>A trade as the local exchange records and sends it: exact decimal price and size, time in microseconds.</summary>
public sealed record ServerTrade(long Id, long Micros, decimal Price, decimal Amount, int Type = 0)
{
    public long Minute => Micros / 1_000_000 / 60 * 60;

    /// <summary>The documented <c>trade</c> message: strings for exact values, the float fields beside them.</summary>
    public string ToMessage(string pair) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"data":{"id":{{Id}},"timestamp":"{{Micros / 1_000_000}}","amount":{{(double)Amount}},"amount_str":"{{Amount}}","price":{{(double)Price}},"price_str":"{{Price}}","type":{{Type}},"microtimestamp":"{{Micros}}","buy_order_id":{{Id * 2}},"sell_order_id":{{(Id * 2) + 1}}},"channel":"live_trades_{{pair}}","event":"trade"}""");
}
