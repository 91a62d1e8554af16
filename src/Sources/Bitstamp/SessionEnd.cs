namespace StreamPredictor.Sources.Bitstamp;

/// <summary>
/// How a socket session ended. <see cref="CompleteBefore"/> is where its coverage stopped (unix seconds; null when
/// it never subscribed), the start of the next repair. <see cref="Reason"/> is the <c>reason</c> tag of reconnects.
/// </summary>
internal sealed record SessionEnd(string Reason, long? CompleteBefore, bool Healthy, bool ReconnectAtOnce = false)
{
    public const string Stopped = "stopped";
    public const string ConnectFailed = "connect-failed";
    public const string NotSubscribed = "not-subscribed";
    public const string HeartbeatMissed = "heartbeat-missed";
    public const string Silent = "silent";
    public const string RequestedByServer = "request-reconnect";
    public const string ClosedByServer = "closed-by-server";
    public const string Failed = "failed";
}
