using System.Net;
using System.Text;
using StreamPredictor.Sources.Bitstamp;
using StreamPredictor.Sources.Monitoring;

namespace StreamPredictor.Sources.Tests.Bitstamp;

public sealed class OhlcParserTests
{
    private const long Latest = 1_709_290_000;

    private static OhlcAnswer Parse(string body, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json", TimeSpan? retryAfter = null) =>
        OhlcParser.Parse(status, mediaType, Encoding.UTF8.GetBytes(body), retryAfter, Latest);

    [Fact]
    public void A_documented_page_of_strings_gives_bars_oldest_first()
    {
        var answer = Parse("""
            {"data": {"pair": "BTC/USD", "ohlc": [
              {"timestamp": "1709287260", "open": "61010", "high": "61050.5", "low": "61000", "close": "61020.25", "volume": "1.50000000"},
              {"timestamp": "1709287200", "open": "61000", "high": "61010", "low": "60990.1", "close": "61010", "volume": "0.25"}]}}
            """);

        Assert.Equal(OhlcAnswerKind.Page, answer.Kind);
        Assert.Equal(2, answer.Entries);
        Assert.Equal(1_709_287_260, answer.NewestEntry);
        Assert.Equal([new Tick(1_709_287_200, 61000, 61010, 60990.1, 61010, 0.25), new Tick(1_709_287_260, 61010, 61050.5, 61000, 61020.25, 1.5)], answer.Bars);
        Assert.Empty(answer.RefusedEntries);
    }

    [Fact]
    public void Minutes_without_trades_are_left_out_but_count_as_entries()
    {
        var answer = Parse("""{"data": {"pair": "BTC/USD", "ohlc": [{"timestamp": "1709287200", "open": "5", "high": "5", "low": "5", "close": "5", "volume": "0"}]}}""");

        Assert.Empty(answer.Bars);
        Assert.Equal(1, answer.Entries);
        Assert.Empty(answer.RefusedEntries);
    }

    [Theory]
    [InlineData("\"1709287230\"", "\"5\"", "\"6\"", "\"4\"", "\"5\"", "\"1\"")] // not on a minute
    [InlineData("\"1709297200\"", "\"5\"", "\"6\"", "\"4\"", "\"5\"", "\"1\"")] // beyond the latest accepted
    [InlineData("\"1709287200\"", "\"0\"", "\"6\"", "\"4\"", "\"5\"", "\"1\"")] // zero open
    [InlineData("\"1709287200\"", "\"5\"", "\"4\"", "\"6\"", "\"5\"", "\"1\"")] // high below low
    [InlineData("\"1709287200\"", "\"5\"", "\"6\"", "\"4\"", "\"7\"", "\"1\"")] // close above high
    [InlineData("\"1709287200\"", "\"5\"", "\"6\"", "\"4\"", "\"5\"", "\"-1\"")] // negative volume
    [InlineData("\"1709287200\"", "\"5\"", "\"six\"", "\"4\"", "\"5\"", "\"1\"")] // unparsable
    [InlineData("\"soon\"", "\"5\"", "\"6\"", "\"4\"", "\"5\"", "\"1\"")] // unparsable timestamp
    public void Invalid_bars_are_refused_one_by_one(string timestamp, string open, string high, string low, string close, string volume)
    {
        var answer = Parse($$$"""
            {"data": {"pair": "BTC/USD", "ohlc": [
              {"timestamp": {{{timestamp}}}, "open": {{{open}}}, "high": {{{high}}}, "low": {{{low}}}, "close": {{{close}}}, "volume": {{{volume}}}},
              {"timestamp": "1709287260", "open": "5", "high": "6", "low": "4", "close": "5", "volume": "1"}]}}
            """);

        Assert.Equal(OhlcAnswerKind.Page, answer.Kind);
        Assert.Equal([1_709_287_260L], answer.Bars.Select(b => b.Timestamp));
        Assert.Equal([BadInput.RestBadBar], answer.RefusedEntries);
    }

    [Fact]
    public void An_html_error_page_is_told_apart()
    {
        var answer = Parse("<html><body><h1>502 Bad Gateway</h1></body></html>", HttpStatusCode.BadGateway, "text/html");

        Assert.Equal(OhlcAnswerKind.Failed, answer.Kind);
        Assert.Equal(BadInput.RestHtml, answer.Problem);
    }

    [Fact]
    public void An_html_page_is_recognised_by_its_body_even_when_labelled_json()
    {
        Assert.Equal(BadInput.RestHtml, Parse("  \n<!DOCTYPE html><html></html>").Problem);
    }

    [Theory]
    [InlineData("""{"status": "error", "reason": "Invalid limit.", "code": "API0005"}""", HttpStatusCode.OK)]
    [InlineData("""{"errors": [{"field": "start", "message": "Invalid value."}]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"code": "API0001", "message": "Server error"}""", HttpStatusCode.InternalServerError)]
    [InlineData("""{"data": {"pair": "BTC/USD", "ohlc": []}}""", HttpStatusCode.ServiceUnavailable)]
    public void Error_bodies_fail_the_request_to_be_retried(string body, HttpStatusCode status)
    {
        var answer = Parse(body, status);

        Assert.Equal(OhlcAnswerKind.Failed, answer.Kind);
        Assert.Equal(BadInput.RestErrorBody, answer.Problem);
    }

    [Theory]
    [InlineData("""{"status": "error", "reason": "Rate limit exceeded", "code": "400.002"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"status": "error", "reason": "Too many requests"}""", HttpStatusCode.TooManyRequests)]
    [InlineData("not json", HttpStatusCode.TooManyRequests)]
    public void Throttling_answers_are_recognised_with_their_retry_after(string body, HttpStatusCode status)
    {
        var answer = Parse(body, status, retryAfter: TimeSpan.FromSeconds(7));

        Assert.Equal(OhlcAnswerKind.Throttled, answer.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), answer.RetryAfter);
    }

    [Theory]
    [InlineData("{\"data\": {\"ohlc\": [")]
    [InlineData("{\"data\": {\"pair\": \"BTC/USD\"}}")]
    public void Unreadable_bodies_fail_as_malformed(string body)
    {
        Assert.Equal(BadInput.RestMalformed, Parse(body).Problem);
    }

    [Fact]
    public void A_missing_pair_is_final()
    {
        Assert.Equal(OhlcAnswerKind.NotFound, Parse("""{"status": "error", "reason": "Not found"}""", HttpStatusCode.NotFound).Kind);
    }
}
