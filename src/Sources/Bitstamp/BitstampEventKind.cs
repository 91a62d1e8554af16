namespace StreamPredictor.Sources.Bitstamp;

/// <summary>The WebSocket v2 messages the source acts on.</summary>
public enum BitstampEventKind
{
    /// <summary>A valid trade on the subscribed channel.</summary>
    Trade,

    /// <summary><c>bts:subscription_succeeded</c>.</summary>
    Subscribed,

    /// <summary>The answer to a client <c>bts:heartbeat</c>.</summary>
    HeartbeatAnswer,

    /// <summary><c>bts:request_reconnect</c>: maintenance is coming; reconnect and resubscribe now.</summary>
    RequestReconnect,

    /// <summary>Anything refused; <see cref="BitstampEvent.BadReason"/> says why.</summary>
    Bad,
}
