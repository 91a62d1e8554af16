namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>
/// Trains one model kind for one symbol, on a silo with an accelerator when the cluster has one.
/// Key: <c>SYMBOL/MODEL</c> (see <see cref="Key"/>).
/// </summary>
[Alias("stream.trainer-grain")]
public interface ITrainerGrain : IGrainWithStringKey
{
    /// <summary>Starts training in the background (or returns the run in progress) and returns at once.</summary>
    [Alias("start")]
    Task<TrainingStatus> StartAsync(TrainingRequest request);

    /// <summary>Stops the run in progress (it ends as <see cref="TrainingState.Cancelled"/>); nothing when none runs.</summary>
    [Alias("cancel")]
    Task<TrainingStatus> CancelAsync();

    /// <summary>Where the latest run stands (<see cref="TrainingState.Idle"/> when none ran).</summary>
    [Alias("status")]
    Task<TrainingStatus> GetStatusAsync();

    /// <summary>Trains with <paramref name="request"/> every <paramref name="period"/> (an Orleans reminder); a zero period stops it.</summary>
    [Alias("schedule")]
    Task ScheduleAsync(TrainingRequest request, TimeSpan period);

    /// <summary>The schedule set with <see cref="ScheduleAsync"/>, or null when none is.</summary>
    [Alias("get-schedule")]
    Task<TrainingSchedule?> GetScheduleAsync();

    /// <summary>The silo this activation runs on and whether it has an accelerator.</summary>
    [Alias("placement")]
    Task<TrainerPlacement> GetPlacementAsync();

    /// <summary>The grain key of <paramref name="model"/>'s trainer for <paramref name="symbol"/>.</summary>
    public static string Key(string symbol, string model) => $"{symbol}/{model}";
}
