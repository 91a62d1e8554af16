namespace StreamPredictor.Sources.Bitstamp;

/// <summary>
/// How the Bitstamp source talks to the exchange. Bound from <c>Stream:Live:Bitstamp</c>; <c>stream live</c> and
/// <c>stream backfill</c> take <c>--ws-url</c> and <c>--rest-url</c>. Every default suits the real exchange.
/// </summary>
public sealed class BitstampOptions
{
    public const string SectionName = "Stream:Live:Bitstamp";

    /// <summary>The WebSocket API v2 endpoint.</summary>
    public Uri WebSocketUrl { get; set; } = new("wss://ws.bitstamp.net");

    /// <summary>The REST API's base; OHLC pages come from <c>api/v2/ohlc/{pair}/</c> under it.</summary>
    public Uri RestUrl { get; set; } = new("https://www.bitstamp.net/");

    /// <summary>How often the client sends <c>bts:heartbeat</c> (the exchange expects the client to).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A heartbeat not answered within this long means the connection is dead.</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Nothing at all received for this long means the connection is dead.</summary>
    public TimeSpan SilenceTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the socket loop checks its clocks (heartbeats due, minutes complete, silence).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>No <c>bts:subscription_succeeded</c> within this long after subscribing means reconnect.</summary>
    public TimeSpan SubscribeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long after a minute ends its bar waits for late trades before it is published.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long after a minute ends the REST history is trusted to hold it, for repairs.</summary>
    public TimeSpan RepairDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Allowance for the exchange's clock running ahead of ours: the socket counts minutes starting at least
    /// this long after the subscription was confirmed; REST repairs the ones before.
    /// </summary>
    public TimeSpan ClockSkewMargin { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Trades or bars stamped further ahead of the clock than this are refused.</summary>
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first reconnect back-off; it doubles per failure in a row, with jitter.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A session subscribed for this long resets the back-off.</summary>
    public TimeSpan HealthyAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// REST requests per second at most. Bitstamp allows 400 per second and 8,000 (documented elsewhere as
    /// 10,000) per 10 minutes per client; 8 per second stays under both.
    /// </summary>
    public double MaxRequestsPerSecond { get; set; } = 8;

    /// <summary>The slowest request spacing throttling answers can push the client to.</summary>
    public TimeSpan SlowestRequestInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first back-off after a failed REST answer; it grows exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bars per OHLC request (Bitstamp's <c>limit</c>, 1 to 1000).</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>After a stop, how long repairs of minutes already complete may still take.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Why these options cannot work, or null.</summary>
    public string? Problem()
    {
        if (WebSocketUrl is not { IsAbsoluteUri: true, Scheme: "ws" or "wss" })
        {
            return $"{SectionName}:WebSocketUrl must be an absolute ws:// or wss:// URL";
        }

        if (RestUrl is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
        {
            return $"{SectionName}:RestUrl must be an absolute http:// or https:// URL";
        }

        if (PageSize is < 1 or > 1000)
        {
            return $"{SectionName}:PageSize must be 1 to 1000";
        }

        if (MaxRequestsPerSecond <= 0 || !double.IsFinite(MaxRequestsPerSecond))
        {
            return $"{SectionName}:MaxRequestsPerSecond must be positive";
        }

        TimeSpan[] positive = [CheckInterval, HeartbeatInterval, HeartbeatTimeout, SilenceTimeout, ConnectTimeout, SubscribeTimeout, ReconnectDelay, MaxReconnectDelay, RetryDelay, MaxRetryDelay, RequestTimeout, SlowestRequestInterval];
        if (positive.Any(t => t <= TimeSpan.Zero))
        {
            return $"{SectionName}: every timeout, interval and delay must be positive";
        }

        TimeSpan[] nonNegative = [Grace, RepairDelay, ClockSkewMargin, FutureTolerance, HealthyAfter, StopTimeout];
        return nonNegative.Any(t => t < TimeSpan.Zero) ? $"{SectionName}: Grace, RepairDelay, ClockSkewMargin, FutureTolerance, HealthyAfter and StopTimeout must not be negative" : null;
    }

    public BitstampOptions Clone() => (BitstampOptions)MemberwiseClone();
}
