using StreamPredictor.Sources.Bitstamp;
using StreamPredictor.Sources.Monitoring;

namespace StreamPredictor.Sources.Tests.Bitstamp;

public sealed class BitstampMessagesTests
{
    private const string Channel = "live_trades_btcusd";
    private const long Now = 1_709_287_200_000_000; // 2024-03-01 10:00 UTC in µs

    private static BitstampEvent Parse(string json) => BitstampMessages.Parse(System.Text.Encoding.UTF8.GetBytes(json), Channel, Now + 300_000_000);

    private static string Trade(string price = "\"61234.56\"", string amount = "\"0.01234567\"", string micro = "\"1709287199123456\"", string id = "326420193") =>
        $$"""{"data": {"id": {{id}}, "timestamp": "1709287199", "amount": 0.01234567, "amount_str": {{amount}}, "price": 61234.56, "price_str": {{price}}, "type": 1, "microtimestamp": {{micro}}, "buy_order_id": 1, "sell_order_id": 2}, "channel": "live_trades_btcusd", "event": "trade"}""";

    [Fact]
    public void A_documented_trade_is_read_from_the_exact_strings_and_the_microtimestamp()
    {
        var parsed = Parse(Trade());

        Assert.Equal(BitstampEventKind.Trade, parsed.Kind);
        Assert.Equal(326420193, parsed.Trade.Id);
        Assert.Equal(1_709_287_199_123_456, parsed.Trade.Micros);
        Assert.Equal(61234.56m, parsed.Trade.Price);
        Assert.Equal(0.01234567m, parsed.Trade.Amount);
    }

    [Fact]
    public void The_float_fields_are_ignored_when_the_strings_say_otherwise()
    {
        var json = """{"data": {"id": 1, "timestamp": "1709287199", "amount": 0.3, "amount_str": "0.30000001", "price": 100.0, "price_str": "100.00000001", "microtimestamp": "1709287199000000", "type": 0}, "channel": "live_trades_btcusd", "event": "trade"}""";

        var parsed = Parse(json);

        Assert.Equal(100.00000001m, parsed.Trade.Price);
        Assert.Equal(0.30000001m, parsed.Trade.Amount);
    }

    [Fact]
    public void Without_a_microtimestamp_the_seconds_are_used()
    {
        var json = """{"data": {"id": 1, "timestamp": "1709287199", "amount_str": "1", "price_str": "2"}, "channel": "live_trades_btcusd", "event": "trade"}""";

        Assert.Equal(1_709_287_199_000_000, Parse(json).Trade.Micros);
    }

    [Theory]
    [InlineData("\"0\"", BadInput.PriceNotPositive)]
    [InlineData("\"-5\"", BadInput.PriceNotPositive)]
    [InlineData("\"12,5\"", BadInput.PriceUnparsable)]
    [InlineData("\"1e5\"", BadInput.PriceUnparsable)]
    [InlineData("\"\"", BadInput.PriceUnparsable)]
    [InlineData("null", BadInput.PriceUnparsable)]
    [InlineData("\"1000000000000000\"", BadInput.PriceOutOfRange)]
    public void Bad_prices_are_refused_by_reason(string price, string reason)
    {
        var parsed = Parse(Trade(price: price));

        Assert.Equal(BitstampEventKind.Bad, parsed.Kind);
        Assert.Equal(reason, parsed.BadReason);
    }

    [Theory]
    [InlineData("\"0\"", BadInput.AmountNotPositive)]
    [InlineData("\"-0.1\"", BadInput.AmountNotPositive)]
    [InlineData("\"abc\"", BadInput.AmountUnparsable)]
    public void Bad_sizes_are_refused_by_reason(string amount, string reason)
    {
        Assert.Equal(reason, Parse(Trade(amount: amount)).BadReason);
    }

    [Theory]
    [InlineData("\"1709287800000001\"", BadInput.FutureTimestamp)] // 10 minutes ahead, tolerance 5
    [InlineData("\"soon\"", BadInput.BadTimestamp)]
    [InlineData("\"-1\"", BadInput.BadTimestamp)]
    [InlineData("\"4102444800000000\"", BadInput.BadTimestamp)]
    public void Bad_and_far_future_timestamps_are_refused(string micro, string reason)
    {
        Assert.Equal(reason, Parse(Trade(micro: micro)).BadReason);
    }

    [Fact]
    public void A_trade_without_an_integer_id_is_refused()
    {
        Assert.Equal(BadInput.BadTradeId, Parse(Trade(id: "\"x\"")).BadReason);
    }

    [Theory]
    [InlineData("{\"event\": \"trade\", \"channel\": \"live_trades_btcusd\", \"data\": ", BadInput.MalformedJson)]
    [InlineData("not json at all", BadInput.MalformedJson)]
    [InlineData("[1,2,3]", BadInput.MalformedJson)]
    [InlineData("{\"channel\": \"live_trades_btcusd\"}", BadInput.MalformedJson)]
    [InlineData("{\"event\": \"trade\", \"channel\": \"live_trades_btcusd\", \"data\": \"\"}", BadInput.MalformedJson)]
    [InlineData("{\"event\": \"order_created\", \"channel\": \"live_orders_btcusd\", \"data\": {}}", BadInput.UnknownEvent)]
    [InlineData("{\"event\": \"trade\", \"channel\": \"live_trades_ethusd\", \"data\": {}}", BadInput.UnknownChannel)]
    [InlineData("{\"event\": \"bts:error\", \"channel\": \"\", \"data\": {\"code\": null, \"message\": \"Bad subscription string.\"}}", BadInput.ExchangeError)]
    public void Garbage_unknown_events_and_exchange_errors_are_refused_by_reason(string json, string reason)
    {
        var parsed = Parse(json);

        Assert.Equal(BitstampEventKind.Bad, parsed.Kind);
        Assert.Equal(reason, parsed.BadReason);
    }

    [Theory]
    [InlineData("{\"event\": \"bts:subscription_succeeded\", \"channel\": \"live_trades_btcusd\", \"data\": {}}", BitstampEventKind.Subscribed)]
    [InlineData("{\"event\": \"bts:heartbeat\", \"channel\": \"\", \"data\": {\"status\": \"success\"}}", BitstampEventKind.HeartbeatAnswer)]
    [InlineData("{\"event\": \"bts:request_reconnect\", \"channel\": \"\", \"data\": \"\"}", BitstampEventKind.RequestReconnect)]
    public void Control_events_are_recognised(string json, BitstampEventKind kind)
    {
        Assert.Equal(kind, Parse(json).Kind);
    }

    [Fact]
    public void The_client_requests_are_the_documented_ones()
    {
        Assert.Equal("""{"event":"bts:subscribe","data":{"channel":"live_trades_btcusd"}}""", System.Text.Encoding.UTF8.GetString(BitstampMessages.Subscribe(Channel)));
        Assert.Equal("""{"event":"bts:heartbeat"}""", System.Text.Encoding.UTF8.GetString(BitstampMessages.Heartbeat));
    }
}
