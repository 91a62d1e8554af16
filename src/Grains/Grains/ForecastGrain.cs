using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Storage;
using StreamPredictor.Grains.Telemetry;

namespace StreamPredictor.Grains;

/// <summary>
/// A symbol's next-day forecast. Recomputed from the market grain's last closed days whenever a day
/// closes or is revised (the "days" stream) and when the active model changes; answered from memory;
/// pushed on the "forecasts" stream. On activation it catches up from the market grain, so a lost event
/// or a new activation never leaves it stale. Until a trained version is active the model is naive.
/// </summary>
[ImplicitStreamSubscription(StreamNames.Days)]
public sealed partial class ForecastGrain(
    [PersistentState("forecast", StorageNames.Default)] IPersistentState<ForecastState> state,
    StreamMetrics metrics,
    ILogger<ForecastGrain> logger) : Grain, IForecastGrain, IStreamSubscriptionObserver, IAsyncObserver<DayEvent>
{
    /// <summary>Closed days the default naive model calibrates its intervals on.</summary>
    private const int NaiveCalibrationDays = 120;

    private IForecaster? _model;
    private ModelVersion? _version;
    private IAsyncStream<Forecast> _forecasts = null!;

    private string Symbol => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _forecasts = StreamNames.Get<Forecast>(this.GetStreamProvider(StreamNames.Provider), StreamNames.Forecasts, Symbol);
        await LoadModelAsync();
        await RecomputeAsync();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _model?.Dispose();
        return Task.CompletedTask;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<DayEvent>().ResumeAsync(this);

    /// <summary>
    /// Recomputes unless the forecast already reads the day: a closed day on or before the one the latest forecast
    /// is based on (the grain fetched it then), as happens in bursts when a file is replayed.
    /// </summary>
    public Task OnNextAsync(DayEvent item, StreamSequenceToken? token = null) =>
        item.Kind == DayEventKind.Closed && state.State.Latest is { } latest && item.Day.Date <= latest.BasedOn
            ? Task.CompletedTask
            : RecomputeAsync();

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    // Nowcasting of the open day is wired in by the forecasting work (issue 8); the contract is in place for the API.
    public Task<Nowcast?> GetNowcastAsync() => Task.FromResult<Nowcast?>(null);

    public Task<Forecast?> GetLatestAsync()
    {
        metrics.ForecastServed();
        return Task.FromResult(state.State.Latest);
    }

    public async Task<Forecast?> RefreshAsync()
    {
        await LoadModelAsync();
        await RecomputeAsync();
        return state.State.Latest;
    }

    private async Task LoadModelAsync()
    {
        var active = await GrainFactory.GetGrain<IModelRegistryGrain>(Symbol).GetActiveAsync();
        if (active?.Version.Version == _version?.Version)
        {
            return;
        }

        _model?.Dispose();
        _model = active is null ? null : ModelBlob.FromBytes(active.Blob);
        _version = active?.Version;
    }

    private async Task RecomputeAsync()
    {
        var needed = Math.Max(NaiveCalibrationDays + 1, _model?.Spec.HistoryNeeded ?? 0);
        var days = await GrainFactory.GetGrain<IMarketGrain>(Symbol).GetLastClosedDaysAsync(needed);
        if (days.Length == 0)
        {
            return;
        }

        var forecast = Compute(days);
        if (forecast == state.State.Latest)
        {
            return;
        }

        state.State.Latest = forecast;
        await state.WriteStateAsync();
        await _forecasts.OnNextAsync(forecast);
        metrics.ForecastPublished();
    }

    private Forecast Compute(DailyBar[] days)
    {
        var usable = _model is not null && days.Length >= _model.Spec.HistoryNeeded;
        if (_model is not null && !usable)
        {
            LogTooFewDays(Symbol, _model.Spec.Kind, days.Length);
        }

        var prices = days.Select(d => d.MeanClose).ToArray();
        using var naive = usable ? null : NaiveForecaster.Fit(prices, prices.Length / 2, new TrainingOptions().IntervalLevels);
        var model = usable ? _model! : naive!;
        var next = model.ForecastNext(days);
        var previous = state.State.Latest;
        var computedAt = previous is not null && previous.BasedOn == days[^1].Date && previous.Value == next.Value
            ? previous.ComputedAt
            : DateTimeOffset.UtcNow;
        return new Forecast(
            Symbol,
            next.Date,
            next.Value,
            [.. next.Intervals],
            next.Model,
            usable ? _version?.Version ?? 0 : 0,
            days[^1].Date,
            computedAt);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: active model {Model} needs more than the {Days} closed days there are; forecasting naively")]
    private partial void LogTooFewDays(string symbol, string model, int days);
}
