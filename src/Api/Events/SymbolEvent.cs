using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Api.Events;

/// <summary>One server-sent event of a symbol: its type (<c>forecast</c> or <c>nowcast</c>) and the item, sent as JSON.</summary>
public sealed record SymbolEvent(string Type, object Data)
{
    public const string ForecastType = "forecast";

    public const string NowcastType = "nowcast";

    public static SymbolEvent Of(Forecast forecast) => new(ForecastType, forecast);

    public static SymbolEvent Of(Nowcast nowcast) => new(NowcastType, nowcast);
}
