using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using Orleans.Streams;
using Orleans.Streams.Core;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Nowcasting;
using StreamPredictor.Grains.Forecasting.Series;
using StreamPredictor.Grains.Hosting;
using StreamPredictor.Grains.Storage;
using StreamPredictor.Grains.Telemetry;

namespace StreamPredictor.Grains;

/// <summary>
/// A symbol's next-day forecast, answered from memory and pushed on the "forecasts" stream. Two things can move it, and
/// each has its own path:
/// <list type="bullet">
/// <item><b>The model</b> (<see cref="SyncModelAsync"/>, a state machine in <see cref="ModelSync"/>): the registry's active
/// version is the truth. The grain compares it with the version it serves on activation, on every new day event, on a timer
/// and when refreshed, and loads a new one off the scheduler. A version that fails to load leaves the previous model
/// serving; the failure is logged, shown by <see cref="GetStatusAsync"/> and retried on the timer.</item>
/// <item><b>The forecast</b> (<see cref="RecomputeAsync"/>): recomputed from the market grain's last closed days when a
/// day closes or is revised and when the model changes; stored before it is served; pushed after. A recompute that cannot
/// read the days or store the forecast is retried on the timer, and a push that failed is repeated.</item>
/// <item><b>The open day</b> (<see cref="OnOpenDayAsync"/>, state in <see cref="OpenDayNowcasts"/>): after each stored
/// batch the market grain sends the open day's bar (one-way). Each recompute builds a <see cref="Nowcaster"/> from the
/// same model and closed days; each bar updates it (arithmetic only) into the nowcast served by <see cref="GetNowcastAsync"/>
/// and pushed on the "nowcasts" stream, at most once per <see cref="ForecastOptions.NowcastPublishInterval"/> (a timer
/// pushes the latest one when the interval is up). A day's first nowcast and its final one are always pushed.</item>
/// </list>
/// Until a trained version is active the model is naive.
/// </summary>
[ImplicitStreamSubscription(StreamNames.Days)]
public sealed partial class ForecastGrain(
    [PersistentState("forecast", StorageNames.Default)] IPersistentState<ForecastState> state,
    IOptions<ForecastOptions> options,
    [FromKeyedServices(ForecastOptions.NowcastClockKey)] TimeProvider clock,
    StreamMetrics metrics,
    ILogger<ForecastGrain> logger) : Grain, IForecastGrain, IStreamSubscriptionObserver, IAsyncObserver<DayEvent>
{
    private ServedModel _served = ServedModel.Naive;
    private int? _activeVersion;
    private DateTimeOffset? _checkedAt;
    private ModelLoadFailure? _loadFailure;
    private string? _registryError;
    private string? _forecastError;
    private bool _recomputeDue;
    private Forecast? _unpublished;

    /// <summary>The forecast served: the stored one, replaced only once a new one is stored.</summary>
    private Forecast? _latest;
    private IAsyncStream<Forecast> _forecasts = null!;
    private IAsyncStream<Nowcast> _nowcasts = null!;
    private OpenDayNowcasts _open = null!;
    private IGrainTimer? _nowcastTimer;

    /// <summary>The last closed day the latest recompute read.</summary>
    private DateOnly? _daysReadTo;

    private string? _symbol;

    /// <summary>The key, read once: <see cref="Compute"/> runs off the scheduler, where activation services are out of reach.</summary>
    private string Symbol => _symbol ??= this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _forecasts = StreamNames.Get<Forecast>(this.GetStreamProvider(StreamNames.Provider), StreamNames.Forecasts, Symbol);
        _nowcasts = StreamNames.Get<Nowcast>(this.GetStreamProvider(StreamNames.Provider), StreamNames.Nowcasts, Symbol);
        _open = new OpenDayNowcasts(Symbol, clock, options.Value.NowcastPublishInterval);
        _latest = state.State.Latest;
        await SyncModelAsync(ModelCheck.Activation);
        if (state.State.Latest is { ModelVersion: > 0 } stored && _served.Version != _activeVersion && stored.ModelVersion != _served.Version)
        {
            // The active version did not load (or the registry did not answer): serve the version behind the stored forecast.
            await TryLoadAsync(stored.ModelVersion);
        }

        await RecomputeAsync();
        await CatchUpOpenDayAsync();
        var period = options.Value.ModelCheckPeriod;
        this.RegisterGrainTimer(static (grain, _) => grain.OnTimerAsync(), this, new GrainTimerCreationOptions(period, period) { KeepAlive = false });
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _served.Dispose();
        return Task.CompletedTask;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<DayEvent>().ResumeAsync(this);

    /// <summary>
    /// Checks the model and recomputes, unless the forecast already reads the day: a closed day on or before the one the
    /// latest forecast is based on (the grain fetched it then), as happens in bursts when a file is replayed. Such events
    /// cost nothing; the timer keeps the model in step meanwhile.
    /// </summary>
    public async Task OnNextAsync(DayEvent item, StreamSequenceToken? token = null)
    {
        var alreadyRead = item.Kind == DayEventKind.Closed && _latest is { } latest && item.Day.Date <= latest.BasedOn;
        if (alreadyRead && !_recomputeDue)
        {
            return;
        }

        await SyncModelAsync(ModelCheck.DayEvent);
        await RecomputeAsync();
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    public Task<Nowcast?> GetNowcastAsync() => Task.FromResult(options.Value.Nowcasting ? _open.Current : null);

    /// <summary>The latest stored forecast; interleaves, so a query never waits behind a recompute or a model load.</summary>
    public Task<Forecast?> GetLatestAsync()
    {
        metrics.ForecastServed();
        return Task.FromResult(_latest);
    }

    public async Task<Forecast?> RefreshAsync()
    {
        await SyncModelAsync(ModelCheck.Refresh);
        await RecomputeAsync();
        return _latest;
    }

    public Task<ForecastStatus> GetStatusAsync() => Task.FromResult(new ForecastStatus(
        Symbol, _served.Version, _served.Name, _activeVersion, _checkedAt, _loadFailure,
        _registryError is null && _forecastError is null ? null : string.Join("; ", new[] { _registryError, _forecastError }.OfType<string>())));

    private async Task OnTimerAsync()
    {
        var modelChanged = await SyncModelAsync(ModelCheck.Timer);
        if (modelChanged || _recomputeDue)
        {
            await RecomputeAsync();
        }
        else if (_unpublished is { } forecast)
        {
            await PublishAsync(forecast);
        }
    }

    /// <summary>Brings the served model in step with the registry's active version; true when the served model changed.</summary>
    private async Task<bool> SyncModelAsync(ModelCheck check)
    {
        int active;
        try
        {
            active = await GrainFactory.GetGrain<IModelRegistryGrain>(Symbol).GetActiveVersionAsync();
        }
        catch (Exception e)
        {
            _registryError = $"the model registry did not answer: {e.Message}";
            LogRegistryUnreachable(e, Symbol, _served.Version);
            return false;
        }

        _registryError = null;
        _activeVersion = active;
        _checkedAt = DateTimeOffset.UtcNow;
        switch (ModelSync.Next(_served.Version, active, _loadFailure, check))
        {
            case ModelStep.Keep:
                if (_served.Version == active)
                {
                    _loadFailure = null;
                }

                return false;
            case ModelStep.ServeNaive:
                Serve(ServedModel.Naive);
                return true;
            default:
                return await TryLoadAsync(active);
        }
    }

    /// <summary>Loads <paramref name="version"/> off the scheduler and serves it; on failure records why and keeps the served model.</summary>
    private async Task<bool> TryLoadAsync(int version)
    {
        try
        {
            var blob = await GrainFactory.GetGrain<IModelBlobGrain>(IModelBlobGrain.Key(Symbol, version)).GetAsync()
                ?? throw new InvalidDataException($"the blob of version {version} is missing from storage");
            var forecaster = await Task.Run(() => ModelBlob.FromBytes(blob));
            Serve(new ServedModel(version, forecaster));
            LogServing(Symbol, version, forecaster.Spec.Kind);
            return true;
        }
        catch (Exception e)
        {
            var repeated = _loadFailure is { } before && before.Version == version && before.Reason == e.Message;
            _loadFailure = new ModelLoadFailure(version, e.Message, DateTimeOffset.UtcNow);
            if (repeated)
            {
                LogLoadStillFailing(Symbol, version, e.Message);
            }
            else
            {
                LogLoadFailed(e, Symbol, version, _served.Version);
            }

            return false;
        }
    }

    private void Serve(ServedModel next)
    {
        var previous = _served;
        _served = next;
        if (next.Version == _activeVersion)
        {
            _loadFailure = null;
        }

        previous.Dispose();
    }

    /// <summary>Computes the forecast from the last closed days; stores it, then serves and pushes it.</summary>
    private async Task RecomputeAsync()
    {
        var needed = Math.Max(NaiveForecaster.CalibrationDays + 1, _served.Forecaster?.Spec.HistoryNeeded ?? 0);
        DailyBar[] days;
        try
        {
            days = await GrainFactory.GetGrain<IMarketGrain>(Symbol).GetLastClosedDaysAsync(needed);
        }
        catch (Exception e)
        {
            Defer($"the market grain did not answer: {e.Message}", e);
            return;
        }

        if (days.Length == 0)
        {
            Settled();
            return;
        }

        _daysReadTo = days[^1].Date;
        var stored = state.State.Latest;
        var (forecast, nowcaster) = await Task.Run(() => Compute(days, stored));
        await RebaseNowcastAsync(nowcaster, days[^1], forecast);
        if (forecast == state.State.Latest)
        {
            Settled();
            return;
        }

        var previous = state.State.Latest;
        state.State.Latest = forecast;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            state.State.Latest = previous;
            Defer($"storing the forecast failed: {e.Message}", e);
            if (e is InconsistentStateException)
            {
                await RereadAsync();
            }

            return;
        }

        _latest = forecast;
        Settled();
        await PublishAsync(forecast);
    }

    private void Defer(string why, Exception e)
    {
        _recomputeDue = true;
        _forecastError = why;
        LogRecomputeDeferred(e, Symbol, why);
    }

    private void Settled()
    {
        _recomputeDue = false;
        _forecastError = null;
    }

    private async Task RereadAsync()
    {
        try
        {
            await state.ReadStateAsync();
            _latest = state.State.Latest;
        }
        catch (Exception e)
        {
            LogRecomputeDeferred(e, Symbol, "re-reading the stored forecast failed");
            DeactivateOnIdle();
        }
    }

    private async Task PublishAsync(Forecast forecast)
    {
        try
        {
            await _forecasts.OnNextAsync(forecast);
            _unpublished = null;
            metrics.ForecastPublished();
        }
        catch (Exception e)
        {
            _unpublished = forecast;
            LogPublishFailed(e, Symbol);
        }
    }

    /// <summary>The next-day forecast of the closed days and, with nowcasting on, the nowcaster of the day after them.</summary>
    private (Forecast Forecast, Nowcaster? Nowcaster) Compute(DailyBar[] days, Forecast? previous)
    {
        var trained = _served.Forecaster;
        var usable = trained is not null && days.Length >= trained.Spec.HistoryNeeded;
        if (trained is not null && !usable)
        {
            LogTooFewDays(Symbol, trained.Spec.Kind, days.Length);
        }

        var prices = days.Select(d => d.MeanClose).ToArray();
        using var naive = usable ? null : NaiveForecaster.Fit(prices, NaiveForecaster.CalibrationDays, new TrainingOptions().IntervalLevels);
        var model = usable ? trained! : naive!;
        var next = model.ForecastNext(days);
        var computedAt = previous is not null && previous.BasedOn == days[^1].Date && previous.Value == next.Value
            ? previous.ComputedAt
            : DateTimeOffset.UtcNow;
        var forecast = new Forecast(
            Symbol,
            next.Date,
            next.Value,
            [.. next.Intervals],
            next.Model,
            usable ? _served.Version : 0,
            days[^1].Date,
            computedAt);
        return (forecast, options.Value.Nowcasting ? CreateNowcaster(model, days) : null);
    }

}
