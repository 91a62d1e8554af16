using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Api.Contracts;

/// <summary>
/// Where a training run stands, for HTTP callers: times in seconds, a loss of null until the first epoch, and once
/// the run is done the version it registered (<see cref="Result"/>) and whether it became active.
/// </summary>
public sealed record TrainingRun(
    string Symbol,
    string Model,
    TrainingState State,
    int Epoch,
    int Epochs,
    double? Loss,
    double? ValidationLoss,
    double ElapsedSeconds,
    double? RemainingSeconds,
    string Message,
    ModelVersion? Result,
    double? ActiveMaeOnSameDays,
    string? Silo,
    bool OnAccelerator)
{
    public static TrainingRun From(TrainingStatus status) => new(
        status.Symbol,
        status.Model,
        status.State,
        status.Epoch,
        status.Epochs,
        double.IsFinite(status.Loss) ? status.Loss : null,
        status.ValidationLoss,
        status.Elapsed.TotalSeconds,
        status.Remaining?.TotalSeconds,
        status.Message,
        status.Result,
        status.ActiveMaeOnSameDays,
        status.Silo,
        status.OnAccelerator);
}
