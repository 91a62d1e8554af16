using Orleans.Concurrency;

namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>A symbol's next-day forecast, kept in memory and pushed on the "forecasts" stream. Key: the symbol.</summary>
[Alias("stream.forecast-grain")]
public interface IForecastGrain : IGrainWithStringKey
{
    /// <summary>The latest stored forecast (null until a day of the symbol has closed). Never waits behind a recompute.</summary>
    [Alias("latest"), AlwaysInterleave]
    Task<Forecast?> GetLatestAsync();

    /// <summary>The latest nowcast of the open day (null while no day is open, or until nowcasting is served).</summary>
    [Alias("nowcast")]
    Task<Nowcast?> GetNowcastAsync();

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
