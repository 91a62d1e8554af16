namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>A symbol's next-day forecast, kept in memory and pushed on the "forecasts" stream. Key: the symbol.</summary>
[Alias("stream.forecast-grain")]
public interface IForecastGrain : IGrainWithStringKey
{
    /// <summary>The latest forecast (null until a day of the symbol has closed).</summary>
    [Alias("latest")]
    Task<Forecast?> GetLatestAsync();

    /// <summary>The latest nowcast of the open day (null while no day is open, or until nowcasting is served).</summary>
    [Alias("nowcast")]
    Task<Nowcast?> GetNowcastAsync();

    /// <summary>Reloads the active model and recomputes from the market grain's closed days.</summary>
    [Alias("refresh")]
    Task<Forecast?> RefreshAsync();
}
