namespace StreamPredictor.Grains.Forecasting.Nowcasting;

/// <summary>
/// The open day's nowcast as the model computes it (the forecast grain turns it into the <c>Nowcast</c> it serves, as
/// <see cref="DayForecast"/> becomes a <c>Forecast</c>), as of a moment: <see cref="Value"/> estimates the day's mean close, <see cref="NextDayValue"/> the
/// next day's. The spreads are relative half-widths per unit of a calibrated quantile (the volatility scale times the
/// share of the day's uncertainty still open); <see cref="Nowcaster.Intervals"/> turns them into intervals. A value type,
/// so an update allocates nothing.
/// </summary>
public readonly record struct DayNowcast(
    DateOnly Date,
    double ElapsedShare,
    int Ticks,
    double Value,
    double Spread,
    double NextDayValue,
    double NextDaySpread);
