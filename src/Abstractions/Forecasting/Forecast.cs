namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>The forecast mean close of <see cref="ForDate"/>, made from the closed days up to <see cref="BasedOn"/>.</summary>
/// <param name="Symbol">The symbol forecast.</param>
/// <param name="ForDate">The UTC day whose mean close is forecast.</param>
/// <param name="Value">The forecast mean close.</param>
/// <param name="Intervals">Ranges that should hold the true mean with their levels' probability (80 % and 95 %).</param>
/// <param name="Model">The model that made it (<c>naive</c> until a trained version is active).</param>
/// <param name="ModelVersion">The registry version of that model; 0 for naive.</param>
/// <param name="BasedOn">The last closed day the forecast read (the open day, for the next day's forecast a <see cref="Nowcast"/> carries).</param>
/// <param name="ComputedAt">When it was computed.</param>
[GenerateSerializer, Immutable, Alias("stream.forecast")]
public sealed record Forecast(
    [property: Id(0)] string Symbol,
    [property: Id(1)] DateOnly ForDate,
    [property: Id(2)] double Value,
    [property: Id(3)] ForecastInterval[] Intervals,
    [property: Id(4)] string Model,
    [property: Id(5)] int ModelVersion,
    [property: Id(6)] DateOnly BasedOn,
    [property: Id(7)] DateTimeOffset ComputedAt)
{
    /// <summary>Equal when every field is, the intervals compared item by item.</summary>
    public bool Equals(Forecast? other) =>
        other is not null && Symbol == other.Symbol && ForDate == other.ForDate && Value.Equals(other.Value)
        && Intervals.SequenceEqual(other.Intervals) && Model == other.Model && ModelVersion == other.ModelVersion
        && BasedOn == other.BasedOn && ComputedAt == other.ComputedAt;

    /// <summary>A hash of the fields <see cref="Equals(Forecast?)"/> compares (the intervals left out).</summary>
    public override int GetHashCode() => HashCode.Combine(Symbol, ForDate, Value, Model, ModelVersion, BasedOn);
}
