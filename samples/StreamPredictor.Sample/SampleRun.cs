using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Client;

namespace StreamPredictor.Sample;

/// <summary>What the walkthrough did: the cancelled ingest's checkpoint, the resumed ingest, training, and the forecasts seen.</summary>
public sealed record SampleRun(
    IngestCheckpoint Cancelled,
    IngestResult Resumed,
    int ClosedDays,
    TrainingStatus Training,
    int TrainingUpdates,
    int ForecastsWatched,
    Forecast? Forecast)
{
    public override string ToString() =>
        $"{ClosedDays} closed days; training {Training.State}: {Training.Message}\n" +
        $"{ForecastsWatched} forecasts watched; latest: {Forecast?.ForDate} {Forecast?.Value:F2} ({Forecast?.Model} v{Forecast?.ModelVersion})";
}
