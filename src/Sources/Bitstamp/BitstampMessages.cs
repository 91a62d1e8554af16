using System.Text.Json;
using StreamPredictor.Sources.Bars;
using StreamPredictor.Sources.Monitoring;

namespace StreamPredictor.Sources.Bitstamp;

/// <summary>
/// Bitstamp WebSocket API v2, the parts a trade feed needs: the subscribe and heartbeat requests, and the
/// parsing of what the server sends. Trades are read from <c>price_str</c>/<c>amount_str</c> (exact decimals;
/// the float fields are ignored) and <c>microtimestamp</c> (falling back to <c>timestamp</c> in seconds).
/// </summary>
public static class BitstampMessages
{
    public const string TradesChannelPrefix = "live_trades_";

    public static string TradesChannel(string pair) => TradesChannelPrefix + pair;

    public static byte[] Subscribe(string channel) =>
        JsonSerializer.SerializeToUtf8Bytes(new { @event = "bts:subscribe", data = new { channel } });

    public static byte[] Heartbeat { get; } = """{"event":"bts:heartbeat"}"""u8.ToArray();

    /// <param name="message">One whole text message.</param>
    /// <param name="channel">The subscribed channel; trades on any other are refused.</param>
    /// <param name="latestMicros">The latest trade time accepted (the clock plus the allowed tolerance), in µs.</param>
    public static BitstampEvent Parse(ReadOnlyMemory<byte> message, string channel, long latestMicros)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            return BitstampEvent.Bad(BadInput.MalformedJson);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("event", out var name) || name.ValueKind != JsonValueKind.String)
            {
                return BitstampEvent.Bad(BadInput.MalformedJson);
            }

            var eventName = name.GetString();
            var eventChannel = root.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            return eventName switch
            {
                "trade" when eventChannel != channel => BitstampEvent.Bad(BadInput.UnknownChannel, eventChannel),
                "trade" => ParseTrade(root, latestMicros),
                "bts:heartbeat" => new BitstampEvent(BitstampEventKind.HeartbeatAnswer),
                "bts:subscription_succeeded" when eventChannel == channel => new BitstampEvent(BitstampEventKind.Subscribed),
                "bts:subscription_succeeded" => BitstampEvent.Bad(BadInput.UnknownChannel, eventChannel),
                "bts:request_reconnect" => new BitstampEvent(BitstampEventKind.RequestReconnect),
                "bts:error" => BitstampEvent.Bad(BadInput.ExchangeError, ErrorMessage(root)),
                _ => BitstampEvent.Bad(BadInput.UnknownEvent, eventName),
            };
        }
    }

    private static BitstampEvent ParseTrade(JsonElement root, long latestMicros)
    {
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return BitstampEvent.Bad(BadInput.MalformedJson, "trade without data");
        }

        if (!data.TryGetProperty("id", out var idElement) || !ExactNumber.TryInteger(idElement, out var id) || id < 0)
        {
            return BitstampEvent.Bad(BadInput.BadTradeId);
        }

        if (!TryMicros(data, out var micros))
        {
            return BitstampEvent.Bad(BadInput.BadTimestamp);
        }

        if (micros > latestMicros)
        {
            return BitstampEvent.Bad(BadInput.FutureTimestamp);
        }

        if (!ExactNumber.TryPositive(Field(data, "price_str"), BadInput.PriceUnparsable, BadInput.PriceNotPositive, BadInput.PriceOutOfRange, out var price, out var reason)
            || !ExactNumber.TryPositive(Field(data, "amount_str"), BadInput.AmountUnparsable, BadInput.AmountNotPositive, BadInput.AmountOutOfRange, out var amount, out reason))
        {
            return BitstampEvent.Bad(reason!);
        }

        return new BitstampEvent(BitstampEventKind.Trade, new Trade(id, micros, price, amount));
    }

    private static bool TryMicros(JsonElement data, out long micros)
    {
        micros = 0;
        if (data.TryGetProperty("microtimestamp", out var microsElement))
        {
            if (!ExactNumber.TryInteger(microsElement, out micros))
            {
                return false;
            }
        }
        else if (data.TryGetProperty("timestamp", out var s) && ExactNumber.TryInteger(s, out var seconds) && seconds < Minutes.EndOfTime)
        {
            micros = seconds * 1_000_000;
        }
        else
        {
            return false;
        }

        return micros >= 0 && micros < Minutes.EndOfTime * 1_000_000;
    }

    private static JsonElement Field(JsonElement data, string name) => data.TryGetProperty(name, out var value) ? value : default;

    private static string? ErrorMessage(JsonElement root) =>
        root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
            ? message.GetString()
            : null;
}
