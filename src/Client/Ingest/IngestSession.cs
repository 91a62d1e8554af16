using Microsoft.Extensions.Logging;
using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Client;

/// <summary>
/// One ingest: publishes a source's batches as (producer, 1..N), keeps a bounded window of unconfirmed batches,
/// polls the market grain's confirmation, resends a batch not confirmed within <see cref="StreamClientOptions.ResendAfter"/>
/// and fails once one stays unconfirmed for <see cref="StreamClientOptions.ConfirmationTimeout"/>. Confirmation is
/// progressive, so an endless source works through one call with bounded memory. Once the token fires nothing more is
/// published, and the cancellation carries a checkpoint of what was confirmed.
/// </summary>
internal sealed class IngestSession
{
    private static readonly TimeSpan ShortestWait = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan FinalPollTimeout = TimeSpan.FromSeconds(1);

    private readonly string _symbol;
    private readonly IMarketGrain _market;
    private readonly ITickBatchPublisher _publisher;
    private readonly StreamClientOptions _options;
    private readonly TimeProvider _time;
    private readonly IProgress<IngestProgress>? _progress;
    private readonly ILogger _logger;
    private readonly Guid _producer = Guid.NewGuid();
    private readonly BatchWindow _window;
    private readonly long _started;
    private TickCounts _counts = TickCounts.None;
    private long _resends;
    private long _lastPoll;
    private TimeSpan _idleWait = ShortestWait;
    private Exception? _lastError;
    private Task<(bool Has, Exception? Error)>? _move;

    public IngestSession(
        string symbol, IMarketGrain market, ITickBatchPublisher publisher, StreamClientOptions options, TimeProvider time,
        IProgress<IngestProgress>? progress, ILogger logger)
    {
        _symbol = symbol;
        _market = market;
        _publisher = publisher;
        _options = options;
        _time = time;
        _progress = progress;
        _logger = logger;
        _window = new BatchWindow(options.MaxUnconfirmedBatches);
        _started = _lastPoll = time.GetTimestamp();
    }

    public async Task<IngestResult> RunAsync(IAsyncEnumerable<Tick[]> source, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            throw new IngestCanceledException(Checkpoint(), cancellationToken);
        }

        var batches = source.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                var (has, error) = await NextAsync(batches, cancellationToken);
                if (error is not null)
                {
                    throw await SourceFailedAsync(error, cancellationToken);
                }

                if (!has)
                {
                    break;
                }

                if (batches.Current is not { Length: > 0 } ticks)
                {
                    continue;
                }

                var days = PendingBatch.DaysOf(ticks);
                while (_window.IsFull || SpansTooManyDays(days.Last))
                {
                    await WaitForConfirmationAsync(cancellationToken);
                }

                cancellationToken.ThrowIfCancellationRequested();
                await SendAsync(ticks, days, cancellationToken);
                if (_time.GetElapsedTime(_lastPoll) >= _options.PollInterval)
                {
                    await CheckAsync(cancellationToken);
                }
            }

            while (!_window.AllConfirmed)
            {
                await WaitForConfirmationAsync(cancellationToken);
            }

            var stats = await GrainCall.RunAsync(_market.GetStatsAsync, $"reading the stats of {_symbol}", cancellationToken);
            Report();
            return new IngestResult(_symbol, _window.TicksSent, _window.LastSequence, _resends, _time.GetElapsedTime(_started), _counts, stats);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await FinalPollAsync();
            throw new IngestCanceledException(Checkpoint(), cancellationToken);
        }
        finally
        {
            if (_move is { IsCompleted: false } move)
            {
                // The source ignored the token and is still producing: dispose of it once it returns, without waiting.
                _ = move.ContinueWith(_ => batches.DisposeAsync().AsTask(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
            else
            {
                await batches.DisposeAsync();
            }
        }
    }

    /// <summary>Where the ingest stands: what was sent and what is confirmed.</summary>
    public IngestCheckpoint Checkpoint() => new(
        _symbol, _producer, _window.LastSequence, _window.TicksSent, _window.ConfirmedThrough, _window.ConfirmedBeyond,
        _window.TicksConfirmedInOrder, [.. _window.Unconfirmed.Select(b => b.Sequence)], _counts);

    /// <summary>
    /// The source's next batch. While the source takes its time (a live feed between trades), confirmations are still
    /// polled, late batches resent and the deadline checked, so confirmation does not wait for the source.
    /// </summary>
    private async Task<(bool Has, Exception? Error)> NextAsync(IAsyncEnumerator<Tick[]> batches, CancellationToken cancellationToken)
    {
        var move = _move = MoveAsync(batches, cancellationToken);
        while (!move.IsCompleted && !_window.AllConfirmed)
        {
            var wait = _options.PollInterval - _time.GetElapsedTime(_lastPoll);
            if (wait > TimeSpan.Zero)
            {
                await Task.WhenAny(move, Task.Delay(wait, _time, cancellationToken));
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (!move.IsCompleted)
            {
                await CheckAsync(cancellationToken);
            }
        }

        return await move.WaitAsync(cancellationToken);
    }

    private static async Task<(bool Has, Exception? Error)> MoveAsync(IAsyncEnumerator<Tick[]> batches, CancellationToken cancellationToken)
    {
        try
        {
            return (await batches.MoveNextAsync(), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return (false, e);
        }
    }

    /// <summary>Whether a batch reaching <paramref name="latestDay"/> would stretch the unconfirmed ones past <see cref="StreamClientOptions.MaxUnconfirmedDays"/>.</summary>
    private bool SpansTooManyDays(long latestDay)
    {
        var earliest = long.MaxValue;
        foreach (var batch in _window.Unconfirmed)
        {
            earliest = Math.Min(earliest, batch.Days.First);
        }

        return earliest != long.MaxValue && latestDay - earliest > _options.MaxUnconfirmedDays;
    }

    private async Task SendAsync(Tick[] ticks, (long First, long Last) days, CancellationToken cancellationToken)
    {
        var batch = new PendingBatch(new TickBatch(_symbol, ticks, _producer, _window.NextSequence), _time.GetTimestamp(), days);
        _window.Add(batch);
        await PublishAsync(batch, cancellationToken);
        Report();
    }

    private async Task PublishAsync(PendingBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            // A batch spanning more days than may be unconfirmed at once goes alone whatever the path; the market
            // grain's direct answer (once stored) then spares the wait for the stream's next delivery.
            var alone = batch.Days.Last - batch.Days.First > _options.MaxUnconfirmedDays;
            await _publisher.PublishAsync(batch.Batch, direct: alone).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not fatal: the batch stays unconfirmed and is sent again after ResendAfter, until the deadline.
            _lastError = e;
            IngestLog.PublishFailed(_logger, e, _symbol, batch.Sequence);
        }
    }

    /// <summary>One step of waiting for the oldest batches: poll, and if nothing moved, resend what is due and pause a little.</summary>
    private async Task WaitForConfirmationAsync(CancellationToken cancellationToken)
    {
        if (await PollAsync(cancellationToken) > 0)
        {
            _idleWait = ShortestWait;
            return;
        }

        await ResendDueAsync(cancellationToken);
        ThrowIfOverdue();
        await Task.Delay(_idleWait, _time, cancellationToken);
        _idleWait = TimeSpan.FromTicks(Math.Min(_idleWait.Ticks * 2, _options.PollInterval.Ticks));
    }

    /// <summary>The periodic check while the source is still producing.</summary>
    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        await PollAsync(cancellationToken);
        await ResendDueAsync(cancellationToken);
        ThrowIfOverdue();
    }

    private async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        _lastPoll = _time.GetTimestamp();
        try
        {
            var confirmation = await _market.GetConfirmationAsync(_producer).WaitAsync(cancellationToken);
            var newly = _window.Apply(confirmation);
            _counts = confirmation.Counts;
            Report();
            return newly;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _lastError = e;
            IngestLog.PollFailed(_logger, e, _symbol, _producer);
            return 0;
        }
    }

    private async Task ResendDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        var sentBy = now - Ticks(_options.ResendAfter);
        foreach (var batch in _window.SentAtOrBefore(sentBy).ToArray())
        {
            cancellationToken.ThrowIfCancellationRequested();
            IngestLog.Resending(_logger, _symbol, batch.Sequence, _time.GetElapsedTime(batch.LastSent, now).TotalSeconds, batch.Sends + 1);
            batch.SentAgain(now);
            _resends++;
            await PublishAsync(batch, cancellationToken);
        }
    }

    private void ThrowIfOverdue()
    {
        var overdue = _window.FirstSentAtOrBefore(_time.GetTimestamp() - Ticks(_options.ConfirmationTimeout));
        if (overdue.Count == 0)
        {
            return;
        }

        var which = SequenceRanges.Format(0, [.. overdue.Select(b => b.Sequence)]);
        var lastError = _lastError is null ? string.Empty : $"; last error: {_lastError.GetBaseException().Message}";
        throw new StreamClientException(
            StreamClientError.NotConfirmed,
            $"ingest of {_symbol}: batch{(overdue.Count == 1 ? string.Empty : "es")} {which} not confirmed as stored within {_options.ConfirmationTimeout} of being sent (sent {overdue.Max(b => b.Sends)} times){lastError}; {Checkpoint()}",
            _lastError,
            Checkpoint());
    }

    private async Task<StreamClientException> SourceFailedAsync(Exception error, CancellationToken cancellationToken)
    {
        // Settle what was sent before the source failed, so the checkpoint says exactly what is stored.
        try
        {
            while (!_window.AllConfirmed)
            {
                await WaitForConfirmationAsync(cancellationToken);
            }
        }
        catch (StreamClientException)
        {
            // Past the deadline: the checkpoint lists what stayed unconfirmed.
        }

        return new StreamClientException(
            StreamClientError.SourceFailed,
            $"ingest of {_symbol} stopped: the tick source failed: {error.Message}; {Checkpoint()}",
            error,
            Checkpoint());
    }

    /// <summary>
    /// On cancellation: nothing more is published, but batches already sent may be landing; look for up to a second
    /// so the checkpoint includes them and a resumed ingest does not send them again.
    /// </summary>
    private async Task FinalPollAsync()
    {
        var started = _time.GetTimestamp();
        try
        {
            while (!_window.AllConfirmed && _time.GetElapsedTime(started) < FinalPollTimeout)
            {
                var confirmation = await _market.GetConfirmationAsync(_producer).WaitAsync(FinalPollTimeout, _time);
                _window.Apply(confirmation);
                _counts = confirmation.Counts;
                if (!_window.AllConfirmed)
                {
                    await Task.Delay(ShortestWait * 10, _time);
                }
            }
        }
        catch (Exception e)
        {
            IngestLog.PollFailed(_logger, e, _symbol, _producer);
        }
    }

    private void Report() => _progress?.Report(new IngestProgress(
        _symbol, _window.TicksSent, _window.LastSequence, _window.TicksConfirmed, _window.BatchesConfirmed, _resends,
        _time.GetElapsedTime(_started), _counts));

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);
}
