namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>Where a training run stands.</summary>
[GenerateSerializer, Alias("stream.training-state")]
public enum TrainingState
{
    /// <summary>No run has started.</summary>
    Idle = 0,

    /// <summary>The run is training.</summary>
    Running = 1,

    /// <summary>The run finished and registered a version.</summary>
    Completed = 2,

    /// <summary>The run failed while training; the status message says why.</summary>
    Failed = 3,

    /// <summary>The run was cancelled.</summary>
    Cancelled = 4,
}
