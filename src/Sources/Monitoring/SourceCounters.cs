using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace StreamPredictor.Sources.Monitoring;

/// <summary>
/// One source's running counts, safe to update from its socket loop, its repair loop and its REST client at
/// once; every update also goes to the shared <see cref="SourceMetrics"/>. <see cref="Snapshot"/> is the status line's.
/// </summary>
public sealed class SourceCounters(string symbol, string source, SourceMetrics? metrics = null)
{
    private readonly SourceMetrics _metrics = metrics ?? new SourceMetrics();
    private readonly KeyValuePair<string, object?>[] _tags = [new("symbol", symbol), new("source", source)];
    private readonly ConcurrentDictionary<string, long> _bad = new(StringComparer.Ordinal);
    private long _minutes;
    private long _gaps;
    private long _minutesRepaired;
    private long _reconnects;
    private long _throttled;
    private long _trades;
    private long _duplicates;
    private long _late;
    private long _messages;
    private long _heartbeatsSent;
    private long _heartbeatsAnswered;
    private long _sessions;
    private long _lastTradeMicros = long.MinValue;
    private int _connected;

    public string Symbol => symbol;

    public string Source => source;

    public long MessagesReceived => Interlocked.Read(ref _messages);

    public void Bad(string reason)
    {
        _bad.AddOrUpdate(reason, 1, (_, n) => n + 1);
        _metrics.BadInput.Add(1, With("reason", reason));
    }

    public void Published(string origin, long minutes)
    {
        Interlocked.Add(ref _minutes, minutes);
        _metrics.Minutes.Add(minutes, With("origin", origin));
    }

    public void GapRepaired(long minutes)
    {
        Interlocked.Increment(ref _gaps);
        Interlocked.Add(ref _minutesRepaired, minutes);
        _metrics.Gaps.Add(1, _tags);
    }

    public void Reconnected(string reason)
    {
        Interlocked.Increment(ref _reconnects);
        _metrics.Reconnects.Add(1, With("reason", reason));
    }

    public void ThrottledOnce()
    {
        Interlocked.Increment(ref _throttled);
        _metrics.Throttled.Add(1, _tags);
    }

    public void Trade(long micros)
    {
        Interlocked.Increment(ref _trades);
        _metrics.Trades.Add(1, _tags);
        SeenTime(micros);
    }

    /// <summary>The event time of something the source read (a trade, a replayed tick), in microseconds.</summary>
    public void SeenTime(long micros)
    {
        var current = Interlocked.Read(ref _lastTradeMicros);
        while (micros > current)
        {
            var seen = Interlocked.CompareExchange(ref _lastTradeMicros, micros, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    public void DuplicateTrade() => Interlocked.Increment(ref _duplicates);

    public void LateTrade() => Interlocked.Increment(ref _late);

    public void MessageReceived() => Interlocked.Increment(ref _messages);

    public void HeartbeatSent() => Interlocked.Increment(ref _heartbeatsSent);

    public void HeartbeatAnswered() => Interlocked.Increment(ref _heartbeatsAnswered);

    public void SessionStarted() => Interlocked.Increment(ref _sessions);

    public void SetConnected(bool connected) => Volatile.Write(ref _connected, connected ? 1 : 0);

    public SourceStatus Snapshot()
    {
        var last = Interlocked.Read(ref _lastTradeMicros);
        return new SourceStatus(
            source,
            Volatile.Read(ref _connected) == 1,
            last == long.MinValue ? null : DateTimeOffset.UnixEpoch.AddTicks(last * 10),
            Interlocked.Read(ref _minutes),
            Interlocked.Read(ref _gaps),
            Interlocked.Read(ref _minutesRepaired),
            Interlocked.Read(ref _reconnects),
            Interlocked.Read(ref _throttled),
            Interlocked.Read(ref _trades),
            Interlocked.Read(ref _duplicates),
            Interlocked.Read(ref _late),
            Interlocked.Read(ref _messages),
            Interlocked.Read(ref _heartbeatsSent),
            Interlocked.Read(ref _heartbeatsAnswered),
            Interlocked.Read(ref _sessions),
            new SortedDictionary<string, long>(_bad, StringComparer.Ordinal));
    }

    private System.Diagnostics.TagList With(string key, string value) => new(_tags) { { key, value } };
}
