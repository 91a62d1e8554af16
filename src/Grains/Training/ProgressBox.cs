using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Grains.Training;

/// <summary>The latest progress of a run, written by the training thread and read by the grain: a single reference swap.</summary>
public sealed class ProgressBox : IProgress<TrainingProgress>
{
    private TrainingProgress? _latest;

    public TrainingProgress? Latest => Volatile.Read(ref _latest);

    public void Report(TrainingProgress value) => Volatile.Write(ref _latest, value);
}
