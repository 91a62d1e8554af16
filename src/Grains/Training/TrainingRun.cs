namespace StreamPredictor.Grains.Training;

/// <summary>A run the trainer grain is executing: its id, progress, how to stop it, and why it was stopped.</summary>
public sealed class TrainingRun(Guid id) : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();

    public Guid Id { get; } = id;

    public ProgressBox Progress { get; } = new();

    public CancellationToken Token => _cancel.Token;

    public Task Completion { get; set; } = Task.CompletedTask;

    public bool IsRunning => !Completion.IsCompleted;

    /// <summary>Why the run was stopped: null when a caller cancelled it, else the reason it ends as failed.</summary>
    public string? StopReason { get; private set; }

    public async Task StopAsync(string? failure)
    {
        StopReason = failure;
        await _cancel.CancelAsync();
    }

    public void Dispose() => _cancel.Dispose();
}
