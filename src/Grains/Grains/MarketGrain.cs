using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using Orleans.Streams;
using Orleans.Streams.Core;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Grains.Hosting;
using StreamPredictor.Grains.Market;
using StreamPredictor.Grains.Storage;
using StreamPredictor.Grains.Telemetry;

namespace StreamPredictor.Grains;

/// <summary>
/// One symbol's days, fed by the "ticks" stream (implicitly subscribed) or by direct calls. A batch is applied to the
/// <see cref="DailyBook"/> and committed in one write of the "recent" state (counters, producer marks, open and
/// revisable days, days pending history, unpublished day events) before the call returns; if that write fails in
/// any way the grain reloads from storage (or deactivates) and the batch fails, so nothing unstored is ever seen and
/// the stream redelivers. After the commit, pending days are written to their monthly history records and the
/// outbox is published; what fails there stays in the stored state and is retried on a timer, with the next batch
/// and on activation.
/// </summary>
[ImplicitStreamSubscription(StreamNames.Ticks)]
public sealed partial class MarketGrain(
    [PersistentState("recent", StorageNames.Default)] IPersistentState<DailyBookState> recent,
    [PersistentState("history", StorageNames.Default)] IPersistentState<DailyHistoryState> legacyHistory,
    IOptions<MarketOptions> options,
    IOptions<ForecastOptions> forecastOptions,
    TimeProvider clock,
    StreamMetrics metrics,
    ILogger<MarketGrain> logger) : Grain, IMarketGrain, IStreamSubscriptionObserver, IAsyncObserver<TickBatch>
{
    /// <summary>Days pending history that make a batch write their monthly records at once.</summary>
    private const int HistoryWriteDays = 16;

    private readonly SymbolListing _listing = new();

    private DailyBook? _book;
    private MarketHistoryStore _history = null!;
    private IAsyncStream<DayEvent> _days = null!;
    private IGrainTimer? _retry;

    private string Symbol => this.GetPrimaryKeyString();

    /// <summary>The book, unless a failed write left memory and storage apart and the reload failed too.</summary>
    private DailyBook Book => _book ?? throw new InvalidOperationException($"the state of {Symbol} could not be reloaded; the grain is deactivating");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _history = new MarketHistoryStore(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default), this.GetGrainId());
        _days = StreamNames.Get<DayEvent>(this.GetStreamProvider(StreamNames.Provider), StreamNames.Days, Symbol);
        await LoadAsync();
        await FlushAsync(force: true);
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<TickBatch>().ResumeAsync(this);

    public Task OnNextAsync(TickBatch item, StreamSequenceToken? token = null) => ApplyAsync(item);

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(ex, Symbol);
        return Task.CompletedTask;
    }

    public async Task<IngestStats> IngestAsync(TickBatch batch)
    {
        await ApplyAsync(batch);
        return Book.Stats();
    }

    public Task<DailyBar[]> GetDaysAsync(DateOnly? from = null, DateOnly? to = null, bool includeOpenDay = true) =>
        Task.FromResult(Book.Days(from, to, includeOpenDay));

    public Task<DailyBar[]> GetLastClosedDaysAsync(int count) => Task.FromResult(Book.LastClosedDays(count));

    public Task<IngestStats> GetStatsAsync() => Task.FromResult(Book.Stats());

    public Task<BatchConfirmation> GetConfirmationAsync(Guid producer) => Task.FromResult(Book.Confirmation(producer));

    public Task<long> GetAppliedSequenceAsync(Guid producer) => Task.FromResult(Book.Confirmation(producer).ContiguousThrough);

    private async Task ApplyAsync(TickBatch batch)
    {
        DailyBookChanges changes;
        IngestStats before;
        try
        {
            before = Book.Stats();
            changes = Book.Apply(batch.Ticks, batch.Producer, batch.Sequence);
            recent.State = Book.SaveRecent();
            await recent.WriteStateAsync();
        }
        catch (Exception e)
        {
            LogBatchFailed(e, Symbol, batch.Producer, batch.Sequence);
            await ReloadAsync();
            throw;
        }

        metrics.BatchApplied(before, Book.Stats());
        if (changes.Redelivered)
        {
            metrics.BatchRedelivered();
        }
        var tooLate = changes.Counts.RejectedByReason.GetValueOrDefault(TickRejectReason.TooLate);
        var future = changes.Counts.RejectedByReason.GetValueOrDefault(TickRejectReason.Future);
        if (tooLate + future > 0)
        {
            LogOutOfTime(Symbol, batch.Producer, batch.Sequence, tooLate, future, Book.Stats().OpenDay);
        }

        TellForecaster(changes);
        await FlushAsync(force: false);
        await ListAsync();
    }

    /// <summary>
    /// After a stored batch that added ticks, sends the open day's bar to the forecast grain for its nowcast: a one-way
    /// call (no reply awaited), and any failure to send it is logged, never the batch's.
    /// </summary>
    private void TellForecaster(DailyBookChanges changes)
    {
        if (!changes.RecentChanged || !forecastOptions.Value.Nowcasting || Book.OpenDayBar() is not { } open)
        {
            return;
        }

        try
        {
            _ = GrainFactory.GetGrain<IForecastGrain>(Symbol).OnOpenDayAsync(open.Bar, DateTimeOffset.FromUnixTimeSeconds(open.AsOf), Book.LastClosedDate);
        }
        catch (Exception e)
        {
            LogNowcastNotSent(e, Symbol);
        }
    }

    /// <summary>The symbol's entry in the directory, after its first stored batch; a failure is retried with the next batch.</summary>
    private async Task ListAsync()
    {
        try
        {
            await _listing.EnsureListedAsync(GrainFactory, Symbol);
        }
        catch (Exception e)
        {
            LogListingFailed(e, Symbol);
        }
    }

    /// <summary>Builds the book from the stored recent state, the monthly history it names and older versions' history.</summary>
    private async Task LoadAsync()
    {
        var history = await _history.ReadAsync(DailyBook.MonthsToRead(recent.State));
        _book = new DailyBook(Rules(), recent.State, history, legacyHistory.State.ClosedDays);
    }

    /// <summary>Makes memory equal storage again after a failed write; when even that fails, the activation goes.</summary>
    private async Task ReloadAsync()
    {
        _book = null;
        try
        {
            await Task.WhenAll(recent.ReadStateAsync(), legacyHistory.ReadStateAsync());
            await LoadAsync();
        }
        catch (Exception e)
        {
            LogReloadFailed(e, Symbol);
            DeactivateOnIdle();
        }
    }

    /// <summary>
    /// Writes the days pending history and publishes the outbox; whatever fails or waits is retried by a timer.
    /// Pending days are already stored with the recent state, so after a batch their monthly records are written only
    /// once <see cref="HistoryWriteDays"/> of them have gathered (a couple of writes per 16 closed days instead of one
    /// per batch; the recent state holds their accumulators meanwhile); the timer writes the rest once the stream goes quiet.
    /// </summary>
    private async Task FlushAsync(bool force)
    {
        var historyDone = await WriteHistoryAsync(force);
        var published = await PublishAsync();
        if (historyDone && published && _book?.HistoryToWrite().Count == 0)
        {
            _retry?.Dispose();
            _retry = null;
        }
        else
        {
            _retry ??= this.RegisterGrainTimer(RetryAsync, new GrainTimerCreationOptions(options.Value.RetryPeriod, options.Value.RetryPeriod) { KeepAlive = true });
        }
    }

    private async Task<bool> WriteHistoryAsync(bool force)
    {
        if (_book is null || _book.HistoryToWrite() is not { Count: > 0 } days)
        {
            return _book is not null;
        }

        if (!force && days.Count < HistoryWriteDays)
        {
            return true;
        }

        try
        {
            var months = await _history.WriteAsync(days);
            _book.HistoryStored(days.Select(d => d.DayNumber), months);
            return true;
        }
        catch (InconsistentStateException e)
        {
            // Another activation wrote this symbol's history: take what is stored.
            LogHistoryWriteFailed(e, Symbol, days.Count);
            await ReloadAsync();
            return false;
        }
        catch (Exception e)
        {
            LogHistoryWriteFailed(e, Symbol, days.Count);
            return false;
        }
    }

    private async Task<bool> PublishAsync()
    {
        if (_book is null)
        {
            return false;
        }

        var outbox = _book.Outbox.ToArray();
        var sent = 0;
        try
        {
            foreach (var pending in outbox)
            {
                await _days.OnNextAsync(new DayEvent(Symbol, pending.Kind, pending.Day));
                sent++;
            }

            return true;
        }
        catch (Exception e)
        {
            LogPublishFailed(e, Symbol, outbox.Length - sent);
            return false;
        }
        finally
        {
            _book.Published(sent);
        }
    }

    /// <summary>The timer's retry; once everything is through, the cleared state is stored so a restart does not redo it.</summary>
    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(force: true);
        if (_retry is not null || _book is null)
        {
            return;
        }

        try
        {
            recent.State = _book.SaveRecent();
            await recent.WriteStateAsync(cancellationToken);
        }
        catch (Exception e)
        {
            LogRetryWriteFailed(e, Symbol);
            await ReloadAsync();
        }
    }

    private MarketRules Rules() => new(options.Value.AllowedLatenessDays)
    {
        MaxFutureSkew = options.Value.MaxFutureSkew,
        ProducerSoftCap = options.Value.ProducerSoftCap,
        ProducerIdleTimeout = options.Value.ProducerIdleTimeout,
        Clock = clock,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telling the forecast grain of {Symbol} about the open day failed")]
    private partial void LogNowcastNotSent(Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tick stream of {Symbol} failed")]
    private partial void LogStreamError(Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {Sequence} of producer {Producer} for {Symbol} failed; state reloaded from storage")]
    private partial void LogBatchFailed(Exception exception, string symbol, Guid producer, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {Sequence} of producer {Producer} for {Symbol}: {TooLate} ticks too late for the newest day {NewestDay}, {Future} stamped in the future")]
    private partial void LogOutOfTime(string symbol, Guid producer, long sequence, long tooLate, long future, DateOnly? newestDay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing {Symbol} in the symbol directory failed; retrying with the next batch")]
    private partial void LogListingFailed(Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing the state of {Symbol} after a retry failed; state reloaded from storage")]
    private partial void LogRetryWriteFailed(Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Error, Message = "State of {Symbol} could not be reloaded after a failed write; deactivating")]
    private partial void LogReloadFailed(Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History write of {Days} closed days of {Symbol} failed; retrying")]
    private partial void LogHistoryWriteFailed(Exception exception, string symbol, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Events} day events of {Symbol} failed; retrying")]
    private partial void LogPublishFailed(Exception exception, string symbol, int events);
}
