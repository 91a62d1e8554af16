using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Grains;

/// <summary>
/// A trainer's last run as stored: <c>Running</c> from before the run starts until it ends, so an activation that finds a
/// run Running that it is not executing knows the silo running it was lost. Never renumber the ids.
/// </summary>
[GenerateSerializer, Alias("stream.trainer-run-state")]
public sealed class TrainerRunState
{
    [Id(0)] public TrainingStatus? Status { get; set; }

    /// <summary>The run's id, carried by the version it registers (<see cref="ModelVersion.RunId"/>).</summary>
    [Id(1)] public Guid RunId { get; set; }
}
