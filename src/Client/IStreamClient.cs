using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Client;

/// <summary>
/// The way into a Stream cluster: publish ticks with end-to-end confirmation, read daily figures, train and activate
/// models, get and watch forecasts. Register it with <c>builder.AddStreamClient(...)</c> and take it from the
/// services; mock it in your own tests.
/// </summary>
/// <remarks>
/// Symbols follow <see cref="SymbolName"/>: 1 to 32 characters of <c>A-Z a-z 0-9 _ -</c>, checked before anything is
/// sent. Every failure throws <see cref="StreamClientException"/> (its <see cref="StreamClientException.Error"/> says what
/// kind); cancelling a call's token throws <see cref="OperationCanceledException"/> at once.
/// </remarks>
public interface IStreamClient
{
    /// <summary>
    /// Publishes ticks of one symbol in batches of <see cref="StreamClientOptions.BatchSize"/> and returns once the
    /// symbol's market grain has confirmed every batch as stored. See <see cref="IngestAsync(string, IAsyncEnumerable{Tick[]}, IProgress{IngestProgress}?, CancellationToken)"/>.
    /// </summary>
    /// <param name="symbol">The symbol the ticks belong to.</param>
    /// <param name="ticks">The ticks, in any order; a tick whose timestamp the symbol already has counts as a duplicate.</param>
    /// <param name="progress">Told after each batch is sent and each confirmation.</param>
    /// <param name="cancellationToken">Stops publishing at once; the <see cref="IngestCanceledException"/> says what was confirmed.</param>
    /// <returns>This call's counts and the symbol's totals.</returns>
    Task<IngestResult> IngestAsync(string symbol, IEnumerable<Tick> ticks, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes ticks of one symbol in batches of <see cref="StreamClientOptions.BatchSize"/> as the sequence yields them;
    /// an endless sequence (a live feed) works: confirmation is progressive and memory bounded.
    /// See <see cref="IngestAsync(string, IAsyncEnumerable{Tick[]}, IProgress{IngestProgress}?, CancellationToken)"/>.
    /// </summary>
    /// <param name="symbol">The symbol the ticks belong to.</param>
    /// <param name="ticks">The ticks; completing the sequence means: send the rest, confirm everything, return.</param>
    /// <param name="progress">Told after each batch is sent and each confirmation.</param>
    /// <param name="cancellationToken">Stops publishing at once; the <see cref="IngestCanceledException"/> says what was confirmed.</param>
    /// <returns>This call's counts and the symbol's totals.</returns>
    Task<IngestResult> IngestAsync(string symbol, IAsyncEnumerable<Tick> ticks, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes ready-made batches of one symbol, numbered 1, 2, 3… under a new producer id, and confirms them end to end:
    /// at most <see cref="StreamClientOptions.MaxUnconfirmedBatches"/> wait unconfirmed at a time (publishing pauses
    /// meanwhile); one unconfirmed <see cref="StreamClientOptions.ResendAfter"/> after it was sent is sent again;
    /// one unconfirmed <see cref="StreamClientOptions.ConfirmationTimeout"/> after it was first sent fails the ingest
    /// with <see cref="StreamClientError.NotConfirmed"/>, naming it. Returns once every batch is confirmed.
    /// </summary>
    /// <param name="symbol">The symbol the ticks belong to.</param>
    /// <param name="batches">The batches, sent as they come (an empty one is skipped).</param>
    /// <param name="progress">Told after each batch is sent and each confirmation.</param>
    /// <param name="cancellationToken">
    /// Stops at once: no batch is published after it fires (none at all when it already has), and the
    /// <see cref="IngestCanceledException"/> carries the checkpoint of what was confirmed.
    /// </param>
    /// <returns>This call's counts and the symbol's totals.</returns>
    /// <exception cref="StreamClientException">
    /// The symbol is invalid (nothing is sent), a batch stayed unconfirmed past the deadline, or the source failed;
    /// <see cref="StreamClientException.Ingest"/> says what was confirmed.
    /// </exception>
    /// <exception cref="IngestCanceledException">The token fired.</exception>
    Task<IngestResult> IngestAsync(string symbol, IAsyncEnumerable<Tick[]> batches, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a tick file (Kaggle Bitstamp or generic OHLCV CSV, plain or gzip) and ingests it as
    /// <see cref="IngestAsync(string, IAsyncEnumerable{Tick[]}, IProgress{IngestProgress}?, CancellationToken)"/> does.
    /// A bad row stops the ingest with <see cref="StreamClientError.SourceFailed"/> and a message naming the file, line and
    /// field (unless <see cref="IngestFileOptions.SkipBadRows"/>); what was sent before it is confirmed first.
    /// </summary>
    /// <param name="symbol">The symbol the ticks belong to.</param>
    /// <param name="path">The tick file.</param>
    /// <param name="options">Skip bad rows; skip ticks already stored (to resume).</param>
    /// <param name="progress">Told after each batch is sent and each confirmation.</param>
    /// <param name="cancellationToken">Stops publishing at once; the <see cref="IngestCanceledException"/> says what was confirmed.</param>
    /// <returns>This call's counts, the symbol's totals and the rows skipped.</returns>
    Task<IngestResult> IngestFileAsync(string symbol, string path, IngestFileOptions? options = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>A symbol's daily figures from <paramref name="from"/> to <paramref name="to"/> inclusive, oldest first; the open (current) day last unless told otherwise.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="from">The first day wanted; null for the oldest.</param>
    /// <param name="to">The last day wanted; null for the newest.</param>
    /// <param name="includeOpenDay">Whether to include the open day, whose figures still change.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The days, oldest first; empty for a symbol never ingested.</returns>
    Task<DailyBar[]> GetDaysAsync(string symbol, DateOnly? from = null, DateOnly? to = null, bool includeOpenDay = true, CancellationToken cancellationToken = default);

    /// <summary>The symbol's totals over every producer: ticks accepted, duplicates, late, rejected by reason; closed days, open day, newest tick.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The totals; all zero for a symbol never ingested.</returns>
    Task<IngestStats> GetStatsAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>
    /// Trains a model on the symbol's closed days, reporting progress, and returns the final status: <see cref="TrainingState.Completed"/>
    /// with the registered version (and whether it became active), or <see cref="TrainingState.Failed"/> when training itself
    /// failed. A request that cannot run (unknown model, epochs or held-out days out of range, fewer closed days than
    /// <see cref="TrainingModels.MinimumClosedDays"/>) throws <see cref="StreamClientError.InvalidRequest"/> before anything starts.
    /// When a run of the model is already going, this joins it.
    /// </summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="request">What to train; unset values take the tutorial's defaults.</param>
    /// <param name="progress">Told of each status change (epoch, losses, time left).</param>
    /// <param name="cancellationToken">Cancels the run on the silo (it ends <see cref="TrainingState.Cancelled"/>), then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The final status.</returns>
    Task<TrainingStatus> TrainAsync(string symbol, TrainingRequest request, IProgress<TrainingStatus>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Starts training in the background (or joins the run of that model in progress) and returns at once; the request is checked as <see cref="TrainAsync"/> checks it.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="request">What to train.</param>
    /// <param name="cancellationToken">Stops waiting for the answer (the run, once started, goes on).</param>
    /// <returns>The run's status as it starts.</returns>
    Task<TrainingStatus> StartTrainingAsync(string symbol, TrainingRequest request, CancellationToken cancellationToken = default);

    /// <summary>The status of the symbol's latest training run of <paramref name="model"/> (<see cref="TrainingState.Idle"/> when none ran).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="model">The model, one of <see cref="TrainingModels.All"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The status.</returns>
    Task<TrainingStatus> GetTrainingStatusAsync(string symbol, string model, CancellationToken cancellationToken = default);

    /// <summary>The status of a training run as it changes, polled every <see cref="StreamClientOptions.PollInterval"/>, until the run finishes.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="model">The model, one of <see cref="TrainingModels.All"/>.</param>
    /// <param name="cancellationToken">Ends the sequence (the run goes on).</param>
    /// <returns>Each new status; the last one is finished (or idle).</returns>
    IAsyncEnumerable<TrainingStatus> WatchTrainingAsync(string symbol, string model, CancellationToken cancellationToken = default);

    /// <summary>Cancels the symbol's run of <paramref name="model"/> on the silo and waits until it stopped; nothing happens when none runs.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="model">The model, one of <see cref="TrainingModels.All"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The run's status afterwards.</returns>
    Task<TrainingStatus> CancelTrainingAsync(string symbol, string model, CancellationToken cancellationToken = default);

    /// <summary>
    /// Trains <paramref name="request"/> every <paramref name="period"/> (an Orleans reminder, kept by the cluster), replacing
    /// the model's previous schedule. A period below <see cref="StreamClientOptions.MinimumSchedulePeriod"/> (Orleans' 1-minute
    /// reminder minimum) or a bad request is refused before anything is saved.
    /// </summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="request">What to train each time.</param>
    /// <param name="period">How often.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>A task that completes once the schedule is saved.</returns>
    Task ScheduleTrainingAsync(string symbol, TrainingRequest request, TimeSpan period, CancellationToken cancellationToken = default);

    /// <summary>The symbol's training schedule of <paramref name="model"/>, or null when none is set.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="model">The model, one of <see cref="TrainingModels.All"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The schedule, or null.</returns>
    Task<TrainingSchedule?> GetTrainingScheduleAsync(string symbol, string model, CancellationToken cancellationToken = default);

    /// <summary>Removes the symbol's training schedule of <paramref name="model"/>; nothing happens when none is set.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="model">The model, one of <see cref="TrainingModels.All"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>A task that completes once the schedule is gone.</returns>
    Task ClearTrainingScheduleAsync(string symbol, string model, CancellationToken cancellationToken = default);

    /// <summary>The symbol's trained model versions with their held-out scores, oldest first; the active one is marked.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The versions.</returns>
    Task<ModelVersion[]> GetModelsAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>Makes a model version the one that makes the symbol's forecasts (0: back to naive).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="version">The version number, as <see cref="GetModelsAsync"/> lists it, or 0.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The version now active, or null for naive.</returns>
    Task<ModelVersion?> ActivateModelAsync(string symbol, int version, CancellationToken cancellationToken = default);

    /// <summary>The latest next-day forecast of the symbol, or null until one of its days has closed.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The forecast, or null.</returns>
    Task<Forecast?> GetForecastAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>Has the symbol's forecast recomputed now, from the active model and the closed days, and returns it.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The forecast, or null until one of its days has closed.</returns>
    Task<Forecast?> RefreshForecastAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>
    /// The symbol's forecasts as they come: the latest one first (when there is one), then each new one the cluster
    /// pushes (a day closed or was revised, or a model was activated). A slow reader skips to the newest; the sequence
    /// ends when the host stops.
    /// </summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="cancellationToken">Ends the sequence (and the subscription behind it).</param>
    /// <returns>The forecasts, oldest first.</returns>
    IAsyncEnumerable<Forecast> WatchForecastsAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="onForecast"/> with each new forecast of the symbol until the returned handle is disposed.
    /// Disposing the handle twice, or after the host stopped, does nothing.
    /// </summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="onForecast">Called once per forecast, one at a time.</param>
    /// <param name="cancellationToken">Stops waiting for the subscription to be made.</param>
    /// <returns>The handle that ends the subscription.</returns>
    Task<IAsyncDisposable> SubscribeForecastsAsync(string symbol, Func<Forecast, Task> onForecast, CancellationToken cancellationToken = default);

    /// <summary>
    /// The latest nowcast of the symbol's open day: the day's mean close forecast from its ticks so far, with intervals
    /// that narrow as the day fills, and the next day's forecast from the open day (<see cref="Nowcast.NextDay"/>). Null
    /// until one of its days has closed, or with nowcasting off in the cluster.
    /// </summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The nowcast, or null.</returns>
    Task<Nowcast?> GetNowcastAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>
    /// The symbol's nowcasts as they come: the latest one first (when there is one), then each one the cluster pushes
    /// (at most one a second per symbol by default, <c>Stream:Forecast:NowcastPublishInterval</c>, plus each day's first
    /// and its final one, the day's mean). A slow reader skips to the newest; the sequence ends when the host stops.
    /// </summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="cancellationToken">Ends the sequence (and the subscription behind it).</param>
    /// <returns>The nowcasts, oldest first.</returns>
    IAsyncEnumerable<Nowcast> WatchNowcastsAsync(string symbol, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="onNowcast"/> with each nowcast of the symbol the cluster pushes until the returned handle is
    /// disposed. Disposing the handle twice, or after the host stopped, does nothing.
    /// </summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="onNowcast">Called once per nowcast, one at a time.</param>
    /// <param name="cancellationToken">Stops waiting for the subscription to be made.</param>
    /// <returns>The handle that ends the subscription.</returns>
    Task<IAsyncDisposable> SubscribeNowcastsAsync(string symbol, Func<Nowcast, Task> onNowcast, CancellationToken cancellationToken = default);
}
