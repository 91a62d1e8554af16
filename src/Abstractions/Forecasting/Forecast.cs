namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>The forecast mean close of <see cref="ForDate"/>, made from the closed days up to <see cref="BasedOn"/>.</summary>
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

    public override int GetHashCode() => HashCode.Combine(Symbol, ForDate, Value, Model, ModelVersion, BasedOn);
}
