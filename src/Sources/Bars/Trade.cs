namespace StreamPredictor.Sources.Bars;

/// <summary>One exchange trade: its id, event time in microseconds since 1970 (UTC), and exact price and size.</summary>
public readonly record struct Trade(long Id, long Micros, decimal Price, decimal Amount)
{
    /// <summary>The start of the trade's minute, in unix seconds.</summary>
    public long Minute => Minutes.Floor(Tick.FloorDiv(Micros, 1_000_000));
}
