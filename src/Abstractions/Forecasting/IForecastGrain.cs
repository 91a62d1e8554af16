using Orleans.Concurrency;
using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>A symbol's next-day forecast, kept in memory and pushed on the "forecasts" stream. Key: the symbol.</summary>
[Alias("stream.forecast-grain")]
public interface IForecastGrain : IGrainWithStringKey
{
    /// <summary>The latest stored forecast (null until a day of the symbol has closed). Never waits behind a recompute.</summary>
    [Alias("latest"), AlwaysInterleave]
    Task<Forecast?> GetLatestAsync();

    /// <summary>
    /// The latest nowcast of the open day, updated with every stored batch (null before the symbol's first closed day, or
    /// with nowcasting off). Never waits behind a recompute.
    /// </summary>
    [Alias("nowcast"), AlwaysInterleave]
    Task<Nowcast?> GetNowcastAsync();

    /// <summary>
    /// The market grain's word after a stored batch that changed the open day: the day's bar so far, the event time of its
    /// newest tick and the last closed day. One-way, so ingest never waits for it nor fails with it.
    /// </summary>
    [Alias("open-day"), OneWay]
    Task OnOpenDayAsync(DailyBar openDay, DateTimeOffset asOf, DateOnly? lastClosed);

    /// <summary>
    /// Checks the registry's active version (loading it when it changed) and recomputes from the market grain's closed
    /// days. A version that cannot be loaded leaves the previous model serving; <see cref="GetStatusAsync"/> says why.
    /// </summary>
    [Alias("refresh")]
    Task<Forecast?> RefreshAsync();

    /// <summary>The model served, the registry's active version as last checked, and a load failure if there is one.</summary>
    [Alias("status")]
    Task<ForecastStatus> GetStatusAsync();
}
