using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using StreamPredictor.Sources.Bars;
using StreamPredictor.Sources.Monitoring;
using StreamPredictor.Sources.Resilience;

namespace StreamPredictor.Sources.Bitstamp;

/// <summary>
/// One Bitstamp pair's minute bars: live trades from the WebSocket API built into bars, and every minute the
/// socket did not see (before the first connection, while disconnected, the partial minute around each connect)
/// filled from REST OHLC. Sessions and repairs become an ordered queue of segments, published strictly in time
/// order, so each minute is published once, by exactly one of the two paths, and a symbol's stored minutes are
/// always a gap-free prefix (which is what lets a restart resume from the last stored minute).
/// </summary>
public sealed partial class BitstampSource : ITickSource, IHistorySource, IDisposable
{
    private readonly BitstampOptions _options;
    private readonly string _channel;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Random _random;
    private readonly BitstampRest _rest;
    private long _lastPublished = long.MinValue;

    public BitstampSource(BitstampOptions options, string pair, SourceCounters counters, TimeProvider time, ILogger logger, Random? random = null, HttpMessageHandler? restHandler = null)
    {
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        Pair = ValidPair(pair);
        _options = options;
        _channel = BitstampMessages.TradesChannel(Pair);
        Counters = counters;
        _time = time;
        _logger = logger;
        _random = random ?? Random.Shared;
        _rest = new BitstampRest(options, Pair, counters, time, logger, restHandler);
    }

    public string Pair { get; }

    public string Name => "bitstamp:" + Pair;

    public SourceCounters Counters { get; }

    /// <summary>The REST client (its request count and current spacing, for status and tests).</summary>
    public BitstampRest Rest => _rest;

    /// <summary>A Bitstamp pair as the APIs spell it: lower-case letters and digits, e.g. <c>btcusd</c>.</summary>
    public static string ValidPair(string pair) => PairProblem(pair) is { } problem ? throw new SourceException(problem) : pair;

    public static string? PairProblem(string pair) =>
        PairPattern().IsMatch(pair) ? null : $"'{pair}' is not a Bitstamp pair: write it in lower-case letters and digits, e.g. btcusd";

    public async IAsyncEnumerable<Tick> ReadAsync(long? resumeFrom, [EnumeratorCancellation] CancellationToken stopping)
    {
        var segments = Channel.CreateUnbounded<Segment>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var output = Channel.CreateUnbounded<Tick>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var abort = new CancellationTokenSource();
        var connections = Task.Run(() => ConnectAsync(resumeFrom is { } r ? Minutes.Floor(r) : null, segments.Writer, stopping, abort.Token), CancellationToken.None);
        var publisher = Task.Run(() => PublishAsync(segments.Reader, output.Writer, stopping, abort.Token), CancellationToken.None);
        try
        {
            await foreach (var bar in output.Reader.ReadAllAsync(CancellationToken.None))
            {
                yield return bar;
            }
        }
        finally
        {
            await abort.CancelAsync();
            await Task.WhenAll(Quietly(connections), Quietly(publisher));
        }
    }

    public long CompleteBefore() => Minutes.Floor(_time.GetUtcNow() - _options.RepairDelay);

    public IAsyncEnumerable<Tick> ReadHistoryAsync(long from, long to, CancellationToken cancellationToken) =>
        _rest.ReadAsync(from, Math.Min(to, CompleteBefore()), cancellationToken);

    public void Dispose() => _rest.Dispose();

    /// <summary>Sessions one after another, each picking up where the last one's coverage ended.</summary>
    private async Task ConnectAsync(long? coveredFrom, ChannelWriter<Segment> segments, CancellationToken stopping, CancellationToken abort)
    {
        var backoff = new ReconnectBackoff(_options.ReconnectDelay, _options.MaxReconnectDelay, _random);
        var subscribed = false;
        try
        {
            while (!stopping.IsCancellationRequested && !abort.IsCancellationRequested)
            {
                var session = new BitstampSession(_options, _channel, Counters, _time, _logger);
                var end = await session.RunAsync(coveredFrom, segments, stopping, abort);
                subscribed = end.CompleteBefore is not null;
                coveredFrom = end.CompleteBefore ?? coveredFrom;
                if (stopping.IsCancellationRequested || end.Reason == SessionEnd.Stopped)
                {
                    break;
                }

                if (!subscribed)
                {
                    coveredFrom = CatchUp(coveredFrom, segments);
                }

                Counters.Reconnected(end.Reason);
                if (end.Healthy)
                {
                    backoff.Reset();
                }

                var delay = end.ReconnectAtOnce ? TimeSpan.Zero : backoff.Next();
                LogReconnecting(_logger, _channel, end.Reason, delay);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _time, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested || abort.IsCancellationRequested)
        {
            // stopping during a back-off
        }
        finally
        {
            if (!subscribed && !abort.IsCancellationRequested)
            {
                CatchUp(coveredFrom, segments); // stopped with no session covering the time since: repair what is complete
            }

            segments.TryComplete();
        }
    }

    /// <summary>No subscription this time: keep the history flowing from REST while the socket is down.</summary>
    private long? CatchUp(long? coveredFrom, ChannelWriter<Segment> segments)
    {
        var complete = CompleteBefore();
        if (coveredFrom is not { } from || complete <= from)
        {
            return coveredFrom;
        }

        segments.TryWrite(new RepairSegment(from, complete));
        return complete;
    }

    /// <summary>Publishes the segments in order; on a stop, only as far as minutes are complete, then nothing after a gap.</summary>
    private async Task PublishAsync(ChannelReader<Segment> segments, ChannelWriter<Tick> output, CancellationToken stopping, CancellationToken abort)
    {
        try
        {
            await foreach (var segment in segments.ReadAllAsync(abort))
            {
                var complete = segment switch
                {
                    RepairSegment repair => await RepairAsync(repair, output, stopping, abort),
                    LiveSegment live => await DrainAsync(live, output, abort),
                    _ => throw new InvalidOperationException(segment.GetType().Name),
                };
                if (!complete)
                {
                    break; // a gap that could not be filled before the stop: publishing later minutes would hide it
                }
            }

            output.TryComplete();
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            output.TryComplete();
        }
        catch (Exception e)
        {
            output.TryComplete(e);
        }
    }

    private async Task<bool> DrainAsync(LiveSegment live, ChannelWriter<Tick> output, CancellationToken abort)
    {
        await foreach (var bar in live.Bars.ReadAllAsync(abort))
        {
            if (Publish(bar, output))
            {
                Counters.Published("live", 1);
            }
        }

        return true;
    }

    /// <summary>Waits until the gap's last minute is final at the exchange, then fetches it; on a stop, the complete part only.</summary>
    private async Task<bool> RepairAsync(RepairSegment gap, ChannelWriter<Tick> output, CancellationToken stopping, CancellationToken abort)
    {
        try
        {
            // A timer may fire a hair before the clock reads its due time: wait until the clock itself agrees.
            while (!stopping.IsCancellationRequested && CompleteBefore() < gap.To)
            {
                var wait = Minutes.ToTime(gap.To) + _options.RepairDelay - _time.GetUtcNow();
                await Task.Delay(wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1), _time, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // stopped while waiting: repair what is complete already
        }

        var to = Math.Min(gap.To, CompleteBefore());
        using var stopTimeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(abort, stopTimeout.Token);
        using var onStop = stopping.Register(() => stopTimeout.CancelAfter(_options.StopTimeout));
        long repaired = 0;
        try
        {
            await foreach (var bar in _rest.ReadAsync(gap.From, to, limit.Token))
            {
                if (Publish(bar, output))
                {
                    repaired++;
                    Counters.Published("repair", 1);
                }
            }
        }
        catch (OperationCanceledException) when (stopTimeout.IsCancellationRequested && !abort.IsCancellationRequested)
        {
            LogRepairCut(_logger, _channel, Minutes.ToTime(gap.From), Minutes.ToTime(gap.To));
            return false;
        }

        Counters.GapRepaired(repaired);
        LogRepaired(_logger, _channel, Minutes.ToTime(gap.From), Minutes.ToTime(to), repaired);
        return to >= gap.To;
    }

    private bool Publish(in Tick bar, ChannelWriter<Tick> output)
    {
        if (bar.Timestamp <= _lastPublished)
        {
            return false;
        }

        _lastPublished = bar.Timestamp;
        output.TryWrite(bar);
        return true;
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // abandoned by the consumer
        }
    }

    [GeneratedRegex("^[a-z0-9]{2,32}$")]
    private static partial Regex PairPattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Bitstamp {Channel}: reconnecting in {Delay} ({Reason})")]
    private static partial void LogReconnecting(ILogger logger, string channel, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bitstamp {Channel}: repaired {From:u} to {To:u} from REST: {Minutes} minutes with trades")]
    private static partial void LogRepaired(ILogger logger, string channel, DateTimeOffset from, DateTimeOffset to, long minutes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bitstamp {Channel}: stopped before the repair of {From:u} to {To:u} finished; the next start repairs it")]
    private static partial void LogRepairCut(ILogger logger, string channel, DateTimeOffset from, DateTimeOffset to);
}
