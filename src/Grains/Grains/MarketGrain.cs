using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using Orleans.Streams;
using Orleans.Streams.Core;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Grains.Hosting;
using StreamPredictor.Grains.Market;
using StreamPredictor.Grains.Storage;
using StreamPredictor.Grains.Telemetry;

namespace StreamPredictor.Grains;

/// <summary>
/// One symbol's days, fed by the "ticks" stream (implicitly subscribed) or by direct calls. Each batch is
/// persisted before it is acknowledged: the small recent state always, the closed-day history only when a
/// day closed or was revised (history first, so a crash between the two writes loses nothing on redelivery).
/// </summary>
[ImplicitStreamSubscription(StreamNames.Ticks)]
public sealed partial class MarketGrain(
    [PersistentState("recent", StorageNames.Default)] IPersistentState<DailyBookState> recent,
    [PersistentState("history", StorageNames.Default)] IPersistentState<DailyHistoryState> history,
    IOptions<MarketOptions> options,
    TimeProvider clock,
    StreamMetrics metrics,
    ILogger<MarketGrain> logger) : Grain, IMarketGrain, IStreamSubscriptionObserver, IAsyncObserver<TickBatch>
{
    private readonly SymbolListing _listing = new();
    private DailyBook _book = null!;
    private IAsyncStream<DayEvent> _days = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        LoadBook();
        _days = StreamNames.Get<DayEvent>(this.GetStreamProvider(StreamNames.Provider), StreamNames.Days, this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<TickBatch>().ResumeAsync(this);

    public Task OnNextAsync(TickBatch item, StreamSequenceToken? token = null) => ApplyAsync(item);

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(ex, this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<IngestStats> IngestAsync(TickBatch batch)
    {
        await ApplyAsync(batch);
        return _book.Stats();
    }

    public Task<DailyBar[]> GetDaysAsync(DateOnly? from = null, DateOnly? to = null, bool includeOpenDay = true) =>
        Task.FromResult(_book.Days(from, to, includeOpenDay));

    public Task<DailyBar[]> GetLastClosedDaysAsync(int count) => Task.FromResult(_book.LastClosedDays(count));

    public Task<IngestStats> GetStatsAsync() => Task.FromResult(_book.Stats());

    public Task<BatchConfirmation> GetConfirmationAsync(Guid producer) => Task.FromResult(_book.Confirmation(producer));

    public Task<long> GetAppliedSequenceAsync(Guid producer) => Task.FromResult(_book.Confirmation(producer).ContiguousThrough);

    private async Task ApplyAsync(TickBatch batch)
    {
        var before = _book.Stats();
        var changes = _book.Apply(batch.Ticks, batch.Producer, batch.Sequence);
        try
        {
            if (changes.HistoryChanged)
            {
                history.State.ClosedDays = _book.SaveHistory();
                await history.WriteStateAsync();
            }

            recent.State = _book.SaveRecent();
            await recent.WriteStateAsync();
        }
        catch (InconsistentStateException e)
        {
            // Someone else wrote this symbol's state (a duplicate activation during a membership change):
            // take theirs and let the batch be delivered again; idempotence makes the retry exact.
            LogConflict(e, this.GetPrimaryKeyString());
            await Task.WhenAll(history.ReadStateAsync(), recent.ReadStateAsync());
            LoadBook();
            throw;
        }

        var symbol = this.GetPrimaryKeyString();
        foreach (var day in changes.Closed)
        {
            await _days.OnNextAsync(new DayEvent(symbol, DayEventKind.Closed, day));
        }

        foreach (var day in changes.Revised)
        {
            await _days.OnNextAsync(new DayEvent(symbol, DayEventKind.Revised, day));
        }

        metrics.BatchApplied(before, _book.Stats());
        await _listing.EnsureListedAsync(GrainFactory, symbol);
    }

    private void LoadBook() =>
        _book = new DailyBook(new MarketRules(options.Value.AllowedLatenessDays) { Clock = clock }, recent.State, history.State.ClosedDays);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tick stream of {Symbol} failed")]
    private partial void LogStreamError(Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "State of {Symbol} changed under this activation; reloaded")]
    private partial void LogConflict(Exception exception, string symbol);
}
