namespace StreamPredictor.Sources.LocalExchange;

/// <summary>A scripted answer the OHLC endpoint gives instead of a page.</summary>
public sealed record RestFault(int Status, string ContentType, string Body, TimeSpan? RetryAfter = null)
{
    public static RestFault Throttle(TimeSpan retryAfter) =>
        new(429, "application/json", """{"status":"error","reason":"Rate limit exceeded","code":"400.002"}""", retryAfter);

    public static RestFault HtmlPage(int status = 502) =>
        new(status, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>");

    public static RestFault ErrorBody(int status = 400) =>
        new(status, "application/json", """{"errors":[{"field":"start","message":"Temporarily unavailable.","code":"API0001"}]}""");

    /// <summary>A 200 whose body is an error, as some gateways answer.</summary>
    public static RestFault ErrorBodyWithOk() =>
        new(200, "application/json", """{"status":"error","reason":"Internal error","code":"API9999"}""");

    public static RestFault Garbage() => new(200, "application/json", "{\"data\": {\"ohlc\": [");
}
