using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using StreamPredictor.Sources.Bars;
using StreamPredictor.Sources.Monitoring;

namespace StreamPredictor.Sources.Bitstamp;

/// <summary>
/// One WebSocket connection: connect, subscribe to the trades channel, and once the subscription is confirmed,
/// build minute bars from the first minute that starts after it (plus the clock-skew margin). The minutes between
/// what was covered before and that one go out as a <see cref="RepairSegment"/>, the session's own bars as a
/// <see cref="LiveSegment"/>. The client sends a heartbeat every interval; an unanswered heartbeat, a silent
/// connection, a missing subscription, a close, an error or <c>bts:request_reconnect</c> end the session.
/// </summary>
internal sealed partial class BitstampSession(BitstampOptions options, string channel, SourceCounters counters, TimeProvider time, ILogger logger)
{
    private readonly List<Tick> _completed = [];
    private MinuteBarBuilder? _builder;
    private Channel<Tick>? _live;

    public async Task<SessionEnd> RunAsync(long? coveredFrom, ChannelWriter<Segment> segments, CancellationToken stopping, CancellationToken abort)
    {
        counters.SessionStarted();
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // liveness is the application heartbeat, on our clock
        try
        {
            using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
            using var connect = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping, abort);
            await socket.ConnectAsync(options.WebSocketUrl, connect.Token);
            await socket.SendAsync(BitstampMessages.Subscribe(channel), WebSocketMessageType.Text, true, abort);
        }
        catch (Exception e) when (IsConnectionFailure(e) && !abort.IsCancellationRequested)
        {
            LogConnectFailed(logger, options.WebSocketUrl, e.Message);
            return new SessionEnd(stopping.IsCancellationRequested ? SessionEnd.Stopped : SessionEnd.ConnectFailed, null, Healthy: false);
        }

        counters.SetConnected(true);
        try
        {
            return await ListenAsync(socket, coveredFrom, segments, stopping, abort);
        }
        finally
        {
            counters.SetConnected(false);
            _live?.Writer.TryComplete();
            await CloseAsync(socket);
        }
    }

    private async Task<SessionEnd> ListenAsync(ClientWebSocket socket, long? coveredFrom, ChannelWriter<Segment> segments, CancellationToken stopping, CancellationToken abort)
    {
        var messages = new WebSocketMessages(socket);
        var connectedAt = time.GetUtcNow();
        var lastMessage = connectedAt;
        var nextHeartbeat = connectedAt + options.HeartbeatInterval;
        DateTimeOffset? heartbeatSent = null;
        DateTimeOffset? subscribedAt = null;
        using var timer = new PeriodicTimer(options.CheckInterval, time);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStop = stopping.Register(() => stopped.TrySetResult());
        using var receiving = CancellationTokenSource.CreateLinkedTokenSource(abort);
        var receive = messages.ReadAsync(receiving.Token);
        var tick = timer.WaitForNextTickAsync(abort).AsTask();
        string? end = null;
        try
        {
            while (end is null)
            {
                var done = await Task.WhenAny(receive, tick, stopped.Task);
                var now = time.GetUtcNow();
                if (done == stopped.Task)
                {
                    end = SessionEnd.Stopped;
                }
                else if (done == tick)
                {
                    await tick;
                    tick = timer.WaitForNextTickAsync(abort).AsTask();
                }
                else
                {
                    var message = await receive;
                    if (message is null)
                    {
                        end = SessionEnd.ClosedByServer;
                        break;
                    }

                    lastMessage = now;
                    counters.MessageReceived();
                    var parsed = BitstampMessages.Parse(message.Value, channel, (now + options.FutureTolerance).ToUnixTimeMilliseconds() * 1000);
                    switch (parsed.Kind)
                    {
                        case BitstampEventKind.Trade:
                            Apply(parsed.Trade);
                            break;
                        case BitstampEventKind.Subscribed when subscribedAt is null:
                            subscribedAt = now;
                            Begin(now, coveredFrom, segments);
                            break;
                        case BitstampEventKind.HeartbeatAnswer:
                            heartbeatSent = null;
                            counters.HeartbeatAnswered();
                            break;
                        case BitstampEventKind.RequestReconnect:
                            end = SessionEnd.RequestedByServer;
                            break;
                        case BitstampEventKind.Bad:
                            counters.Bad(parsed.BadReason!);
                            LogBadMessage(logger, channel, parsed.BadReason!, parsed.Detail);
                            break;
                    }

                    receive = messages.ReadAsync(receiving.Token);
                }

                Flush(now);
                end ??= subscribedAt is null && now - connectedAt >= options.SubscribeTimeout ? SessionEnd.NotSubscribed
                    : heartbeatSent is { } sent && now - sent >= options.HeartbeatTimeout ? SessionEnd.HeartbeatMissed
                    : now - lastMessage >= options.SilenceTimeout ? SessionEnd.Silent
                    : null;
                if (end is null && now >= nextHeartbeat)
                {
                    await socket.SendAsync(BitstampMessages.Heartbeat, WebSocketMessageType.Text, true, abort);
                    counters.HeartbeatSent();
                    heartbeatSent ??= now;
                    nextHeartbeat = now + options.HeartbeatInterval;
                }
            }
        }
        catch (Exception e) when (IsConnectionFailure(e) && !abort.IsCancellationRequested)
        {
            LogConnectionFailed(logger, channel, e.Message);
            end = SessionEnd.Failed;
        }
        finally
        {
            await receiving.CancelAsync();
            await Observe(receive);
        }

        if (end != SessionEnd.Stopped)
        {
            LogSessionEnded(logger, channel, end, _builder is null ? null : Minutes.ToTime(_builder.CompleteBefore));
        }

        var healthy = subscribedAt is { } since && time.GetUtcNow() - since >= options.HealthyAfter;
        return new SessionEnd(end, _builder?.CompleteBefore, healthy, ReconnectAtOnce: end == SessionEnd.RequestedByServer);
    }

    /// <summary>The subscription is confirmed: bars start at the next whole minute; what lies before it is a repair.</summary>
    private void Begin(DateTimeOffset now, long? coveredFrom, ChannelWriter<Segment> segments)
    {
        var first = Minutes.Floor(now + options.ClockSkewMargin) + Minutes.Seconds;
        if (coveredFrom is { } from && from < first)
        {
            segments.TryWrite(new RepairSegment(from, first));
        }

        _builder = new MinuteBarBuilder(Math.Max(first, coveredFrom ?? first));
        _live = Channel.CreateUnbounded<Tick>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        segments.TryWrite(new LiveSegment(_live.Reader));
        LogSubscribed(logger, channel, Minutes.ToTime(_builder.Start));
    }

    private void Apply(in Trade trade)
    {
        if (_builder is null)
        {
            return; // before the subscription was confirmed: the repair covers that time
        }

        switch (_builder.Add(trade))
        {
            case TradeOutcome.Added:
                counters.Trade(trade.Micros);
                break;
            case TradeOutcome.Duplicate:
                counters.DuplicateTrade();
                break;
            case TradeOutcome.Late:
                counters.LateTrade();
                break;
        }
    }

    /// <summary>Hands out the bars of minutes that ended at least the grace ago.</summary>
    private void Flush(DateTimeOffset now)
    {
        if (_builder is null || _builder.Complete(Minutes.Floor(now - options.Grace), _completed) == 0)
        {
            return;
        }

        foreach (var bar in _completed)
        {
            _live!.Writer.TryWrite(bar);
        }

        _completed.Clear();
    }

    private async Task CloseAsync(ClientWebSocket socket)
    {
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (IsConnectionFailure(e))
            {
                // the connection is going away anyway
            }
        }

        socket.Abort();
    }

    private static async Task Observe(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            // the receive was cancelled or the connection had failed; the session is over either way
        }
    }

    private static bool IsConnectionFailure(Exception e) =>
        e is WebSocketException or HttpRequestException or IOException or OperationCanceledException or ObjectDisposedException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bitstamp: cannot connect to {Url}: {Problem}")]
    private static partial void LogConnectFailed(ILogger logger, Uri url, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bitstamp {Channel}: connection failed: {Problem}")]
    private static partial void LogConnectionFailed(ILogger logger, string channel, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bitstamp {Channel}: subscribed; bars from {First:u}")]
    private static partial void LogSubscribed(ILogger logger, string channel, DateTimeOffset first);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bitstamp {Channel}: session ended ({Reason}); complete before {CompleteBefore:u}")]
    private static partial void LogSessionEnded(ILogger logger, string channel, string reason, DateTimeOffset? completeBefore);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bitstamp {Channel}: refused a message ({Reason}: {Detail})")]
    private static partial void LogBadMessage(ILogger logger, string channel, string reason, string? detail);
}
