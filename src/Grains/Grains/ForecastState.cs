using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Grains;

/// <summary>The latest forecast of a symbol, kept so it is there at once after a restart. Never renumber the ids.</summary>
[GenerateSerializer, Alias("stream.forecast-state")]
public sealed class ForecastState
{
    [Id(0)] public Forecast? Latest { get; set; }
}
