using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Abstractions.Streams;

namespace StreamPredictor.Client;

/// <summary>
/// <see cref="IStreamClient"/> over an Orleans client: grain calls for reads, training and models; the symbol's
/// "ticks" stream for ingest, confirmed through the market grain; the "forecasts" stream for subscriptions.
/// </summary>
internal sealed class StreamClient(
    IClusterClient cluster,
    IOptions<StreamClientOptions> options,
    ClientLifetime lifetime,
    ITickBatchPublisher publisher,
    TimeProvider time,
    ILogger<StreamClient> logger) : IStreamClient
{
    private readonly StreamClientOptions _options = options.Value;

    public Task<IngestResult> IngestAsync(string symbol, IEnumerable<Tick> ticks, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        return IngestAsync(symbol, ticks.Chunk(_options.BatchSize).ToAsyncEnumerable(), progress, cancellationToken);
    }

    public Task<IngestResult> IngestAsync(string symbol, IAsyncEnumerable<Tick> ticks, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        return IngestAsync(symbol, ticks.Chunk(_options.BatchSize), progress, cancellationToken);
    }

    public Task<IngestResult> IngestAsync(string symbol, IAsyncEnumerable<Tick[]> batches, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        Require(symbol);
        var session = new IngestSession(symbol, Market(symbol), publisher, _options, time, progress, logger);
        return session.RunAsync(batches, cancellationToken);
    }

    public async Task<IngestResult> IngestFileAsync(string symbol, string path, IngestFileOptions? options = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        Require(symbol);
        var file = TickFileSource.Open(path, options ?? new IngestFileOptions(), _options.BatchSize);
        using (file)
        {
            var result = await IngestAsync(symbol, file.ReadAsync(cancellationToken), progress, cancellationToken);
            return result with { RowsSkipped = file.RowsSkipped };
        }
    }

    public Task<DailyBar[]> GetDaysAsync(string symbol, DateOnly? from = null, DateOnly? to = null, bool includeOpenDay = true, CancellationToken cancellationToken = default) =>
        GrainCall.RunAsync(() => Market(Require(symbol)).GetDaysAsync(from, to, includeOpenDay), $"reading the days of {symbol}", cancellationToken);

    public Task<IngestStats> GetStatsAsync(string symbol, CancellationToken cancellationToken = default) =>
        GrainCall.RunAsync(() => Market(Require(symbol)).GetStatsAsync(), $"reading the stats of {symbol}", cancellationToken);

    public async Task<TrainingStatus> TrainAsync(string symbol, TrainingRequest request, IProgress<TrainingStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        var status = await StartTrainingAsync(symbol, request, cancellationToken);
        try
        {
            progress?.Report(status);
            await foreach (var update in WatchTrainingAsync(symbol, request.Model, cancellationToken))
            {
                if (update != status)
                {
                    progress?.Report(update);
                    status = update;
                }
            }

            return status;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await TrainingCancellation.CancelOnSiloAsync(Trainer(symbol, request.Model), symbol, request.Model, logger);
            throw;
        }
    }

    public async Task<TrainingStatus> StartTrainingAsync(string symbol, TrainingRequest request, CancellationToken cancellationToken = default)
    {
        Require(symbol, request);
        var stats = await GetStatsAsync(symbol, cancellationToken);
        if (TrainingRules.DaysProblem(request, stats.ClosedDays) is { } problem)
        {
            throw new StreamClientException(StreamClientError.InvalidRequest, $"training request for {symbol}: {problem}");
        }

        return await GrainCall.RunAsync(() => Trainer(symbol, request.Model).StartAsync(request), $"starting {request.Model} training for {symbol}", cancellationToken);
    }

    public Task<TrainingStatus> GetTrainingStatusAsync(string symbol, string model, CancellationToken cancellationToken = default) =>
        GrainCall.RunAsync(() => Trainer(symbol, model).GetStatusAsync(), $"reading the {model} training status of {symbol}", cancellationToken);

    public async IAsyncEnumerable<TrainingStatus> WatchTrainingAsync(string symbol, string model, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        TrainingStatus? last = null;
        while (true)
        {
            var status = await GetTrainingStatusAsync(symbol, model, cancellationToken);
            if (status != last)
            {
                yield return status;
                last = status;
            }

            if (status.State != TrainingState.Running)
            {
                yield break;
            }

            await Task.Delay(_options.PollInterval, time, cancellationToken);
        }
    }

    public Task<TrainingStatus> CancelTrainingAsync(string symbol, string model, CancellationToken cancellationToken = default) =>
        GrainCall.RunAsync(() => Trainer(symbol, model).CancelAsync(), $"cancelling {model} training for {symbol}", cancellationToken);

    public Task ScheduleTrainingAsync(string symbol, TrainingRequest request, TimeSpan period, CancellationToken cancellationToken = default)
    {
        Require(symbol, request);
        if (period < _options.MinimumSchedulePeriod)
        {
            throw new StreamClientException(StreamClientError.InvalidRequest,
                $"scheduling {request.Model} training for {symbol}: the period {period} is below the minimum of {_options.MinimumSchedulePeriod} (Orleans reminders fire at most once a minute); use ClearTrainingScheduleAsync to stop a schedule");
        }

        return GrainCall.RunAsync(() => Trainer(symbol, request.Model).ScheduleAsync(request, period), $"scheduling {request.Model} training for {symbol}", cancellationToken);
    }

    public Task<TrainingSchedule?> GetTrainingScheduleAsync(string symbol, string model, CancellationToken cancellationToken = default) =>
        GrainCall.RunAsync(() => Trainer(symbol, model).GetScheduleAsync(), $"reading the {model} training schedule of {symbol}", cancellationToken);

    public Task ClearTrainingScheduleAsync(string symbol, string model, CancellationToken cancellationToken = default) =>
        GrainCall.RunAsync(() => Trainer(symbol, model).ScheduleAsync(new TrainingRequest(model), TimeSpan.Zero), $"clearing the {model} training schedule of {symbol}", cancellationToken);

    public Task<ModelVersion[]> GetModelsAsync(string symbol, CancellationToken cancellationToken = default) =>
        GrainCall.RunAsync(() => Registry(Require(symbol)).ListAsync(), $"listing the models of {symbol}", cancellationToken);

    public Task<ModelVersion?> ActivateModelAsync(string symbol, int version, CancellationToken cancellationToken = default)
    {
        if (version < 0)
        {
            throw new StreamClientException(StreamClientError.InvalidRequest, $"activating a model of {symbol}: version {version} is negative; versions start at 1 (0: naive)");
        }

        return GrainCall.RunAsync(() => Registry(Require(symbol)).ActivateAsync(version), $"activating version {version} of {symbol}", cancellationToken);
    }

    public Task<Forecast?> GetForecastAsync(string symbol, CancellationToken cancellationToken = default) =>
        GrainCall.RunAsync(() => Forecaster(Require(symbol)).GetLatestAsync(), $"reading the forecast of {symbol}", cancellationToken);

    public Task<Forecast?> RefreshForecastAsync(string symbol, CancellationToken cancellationToken = default) =>
        GrainCall.RunAsync(() => Forecaster(Require(symbol)).RefreshAsync(), $"refreshing the forecast of {symbol}", cancellationToken);

    public IAsyncEnumerable<Forecast> WatchForecastsAsync(string symbol, CancellationToken cancellationToken = default)
    {
        Require(symbol);
        return ForecastWatch.RunAsync(
            (onForecast, onClosed, token) => SubscribeAsync(symbol, onForecast, onClosed, token),
            token => GetForecastAsync(symbol, token),
            cancellationToken);
    }

    public Task<IAsyncDisposable> SubscribeForecastsAsync(string symbol, Func<Forecast, Task> onForecast, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onForecast);
        Require(symbol);
        return SubscribeAsync(symbol, onForecast, null, cancellationToken);
    }

    public Task<Nowcast?> GetNowcastAsync(string symbol, CancellationToken cancellationToken = default) =>
        GrainCall.RunAsync(() => Forecaster(Require(symbol)).GetNowcastAsync(), $"reading the nowcast of {symbol}", cancellationToken);

    public IAsyncEnumerable<Nowcast> WatchNowcastsAsync(string symbol, CancellationToken cancellationToken = default)
    {
        Require(symbol);
        return ForecastWatch.RunAsync(
            (onNowcast, onClosed, token) => SubscribeAsync(symbol, StreamNames.Nowcasts, "nowcasts", onNowcast, onClosed, token),
            token => GetNowcastAsync(symbol, token),
            static (next, last) => (next.Date, next.AsOf, next.ComputedAt).CompareTo((last.Date, last.AsOf, last.ComputedAt)) <= 0,
            cancellationToken);
    }

    public Task<IAsyncDisposable> SubscribeNowcastsAsync(string symbol, Func<Nowcast, Task> onNowcast, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onNowcast);
        Require(symbol);
        return SubscribeAsync(symbol, StreamNames.Nowcasts, "nowcasts", onNowcast, null, cancellationToken);
    }

    private Task<IAsyncDisposable> SubscribeAsync(string symbol, Func<Forecast, Task> onForecast, Action? onClosed, CancellationToken cancellationToken) =>
        SubscribeAsync(symbol, StreamNames.Forecasts, "forecasts", onForecast, onClosed, cancellationToken);

    private async Task<IAsyncDisposable> SubscribeAsync<T>(string symbol, string streamName, string what, Func<T, Task> onItem, Action? onClosed, CancellationToken cancellationToken)
    {
        var stream = StreamNames.Get<T>(cluster.GetStreamProvider(StreamNames.Provider), streamName, symbol);
        var handle = await GrainCall.RunAsync(() => stream.SubscribeAsync((item, _) => onItem(item)), $"subscribing to the {what} of {symbol}", cancellationToken);
        var subscription = new ForecastSubscription(() => handle.UnsubscribeAsync(), lifetime, onClosed);
        lifetime.Track(subscription);
        return subscription;
    }

    private IMarketGrain Market(string symbol) => cluster.GetGrain<IMarketGrain>(symbol);

    private IModelRegistryGrain Registry(string symbol) => cluster.GetGrain<IModelRegistryGrain>(symbol);

    private IForecastGrain Forecaster(string symbol) => cluster.GetGrain<IForecastGrain>(symbol);

    private ITrainerGrain Trainer(string symbol, string model)
    {
        Require(symbol);
        if (!ModelNames.IsKnown(model))
        {
            throw new StreamClientException(StreamClientError.InvalidRequest, $"unknown model '{model}'; known: {string.Join(", ", ModelNames.All)}");
        }

        return cluster.GetGrain<ITrainerGrain>(ITrainerGrain.Key(symbol, model));
    }

    private static string Require(string symbol) =>
        SymbolName.Problem(symbol) is { } problem
            ? throw new StreamClientException(StreamClientError.InvalidRequest, problem)
            : symbol;

    private static void Require(string symbol, TrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require(symbol);
        if (TrainingRules.Problem(request) is { } problem)
        {
            throw new StreamClientException(StreamClientError.InvalidRequest, $"training request for {symbol}: {problem}");
        }
    }
}
