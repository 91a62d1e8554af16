using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Placement;
using StreamPredictor.Grains.Storage;
using StreamPredictor.Grains.Telemetry;
using StreamPredictor.Grains.Training;

namespace StreamPredictor.Grains;

/// <summary>
/// Trains one model kind for one symbol. Placed on a silo with an accelerator when there is one (else on
/// any silo, which the report says). The work runs in <see cref="Task.Run(Action)"/> on immutable inputs; the grain
/// answers status calls meanwhile and registers the result once training is done.
/// </summary>
[AcceleratorPlacement]
public sealed partial class TrainerGrain(
    [PersistentState("schedule", StorageNames.Default)] IPersistentState<TrainerScheduleState> schedule,
    SiloAccelerator accelerator,
    StreamMetrics metrics,
    ILogger<TrainerGrain> logger) : Grain, ITrainerGrain, IRemindable
{
    private const string ReminderName = "train";

    private TrainingStatus? _status;
    private ProgressBox? _progress;
    private Task? _run;
    private CancellationTokenSource? _cancel;

    // The key is SYMBOL/MODEL; a symbol may itself hold a slash (BTC/USD), a model name never does.
    private string Symbol => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().LastIndexOf('/')];

    private string Model => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf('/') + 1)..];

    public async Task<TrainingStatus> StartAsync(TrainingRequest request)
    {
        if (_run is { IsCompleted: false })
        {
            return Current();
        }

        if (!ModelNames.IsKnown(request.Model))
        {
            throw new ArgumentException($"unknown model '{request.Model}'; known: {string.Join(", ", ModelNames.All)}");
        }

        var days = await GrainFactory.GetGrain<IMarketGrain>(Symbol).GetLastClosedDaysAsync(int.MaxValue);
        var active = await GrainFactory.GetGrain<IModelRegistryGrain>(Symbol).GetActiveAsync();
        _progress = new ProgressBox();
        _cancel?.Dispose();
        _cancel = new CancellationTokenSource();
        _status = Status(TrainingState.Running, PlacementNote());
        DelayDeactivation(TimeSpan.FromHours(12));
        LogStarted(Symbol, request.Model, days.Length, this.RuntimeIdentity, accelerator.Available);
        _run = RunAsync(request, days, active, _progress, _cancel.Token);
        return Current();
    }

    public Task<TrainingStatus> GetStatusAsync() => Task.FromResult(Current());

    public async Task<TrainingStatus> CancelAsync()
    {
        if (_run is { IsCompleted: false } run)
        {
            await _cancel!.CancelAsync();
            await run;
        }

        return Current();
    }

    public Task<TrainingSchedule?> GetScheduleAsync() => Task.FromResult(
        schedule.State.Request is { } request && schedule.State.Period > TimeSpan.Zero
            ? new TrainingSchedule(request, schedule.State.Period)
            : null);

    public async Task ScheduleAsync(TrainingRequest request, TimeSpan period)
    {
        if (period <= TimeSpan.Zero)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            await schedule.ClearStateAsync();
            return;
        }

        schedule.State.Request = request;
        schedule.State.Period = period;
        await schedule.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
    }

    public Task<TrainerPlacement> GetPlacementAsync() =>
        Task.FromResult(new TrainerPlacement(this.RuntimeIdentity, accelerator.Available, TorchRuntime.DeviceName));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName && schedule.State.Request is { } request)
        {
            await StartAsync(request);
        }
    }

    private async Task RunAsync(TrainingRequest request, DailyBar[] days, ActiveModel? active, ProgressBox progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var outcome = await Task.Run(() => TrainingJob.Run(request, days, active?.Blob, progress, cancellationToken), CancellationToken.None);
            var version = new ModelVersion(
                0, request.Model, DateTimeOffset.UtcNow, this.RuntimeIdentity, accelerator.Available,
                outcome.Summary.EpochsRun, outcome.Summary.Seconds, outcome.HeldOutFrom, outcome.HeldOutTo,
                outcome.HeldOut.Mae, outcome.HeldOut.Rmse, outcome.HeldOut.Mape, outcome.HeldOut.Mase, outcome.NaiveMae,
                HeldOutForecasts: outcome.HeldOutForecasts);
            var registered = await GrainFactory.GetGrain<IModelRegistryGrain>(Symbol).RegisterAsync(
                version, outcome.Blob, active?.Version.Version ?? 0, request.ActivateIfBetter ? outcome.ActiveMae : null);
            var verdict = registered.Active
                ? $"version {registered.Version} is now active: MAE {registered.Mae:F2} beats the active model's {outcome.ActiveMae:F2} on the same {request.HeldOutDays} held-out days"
                : $"version {registered.Version} kept but not activated: MAE {registered.Mae:F2} vs the active model's {outcome.ActiveMae:F2}";
            _status = Status(TrainingState.Completed, $"{verdict}. {PlacementNote()}") with
            {
                Result = registered,
                ActiveMaeOnSameDays = outcome.ActiveMae,
            };
            LogFinished(Symbol, request.Model, registered.Version, registered.Mae, registered.Mase);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _status = Status(TrainingState.Cancelled, "cancelled");
        }
        catch (Exception e)
        {
            _status = Status(TrainingState.Failed, e.Message);
            LogFailed(e, Symbol, request.Model);
        }

        metrics.TrainingFinished(request.Model, _status!.State, Stopwatch.GetElapsedTime(started));
    }

    private TrainingStatus Current()
    {
        var status = _status ?? Status(TrainingState.Idle, "not started");
        if (status.State == TrainingState.Running && _progress?.Latest is { } p)
        {
            status = status with
            {
                Epoch = p.Epoch,
                Epochs = p.Epochs,
                Loss = p.Loss,
                ValidationLoss = p.ValidationLoss,
                Elapsed = p.Elapsed,
                Remaining = p.Remaining,
            };
        }

        return status;
    }

    private TrainingStatus Status(TrainingState state, string message) =>
        new(Symbol, Model, state, Message: message, Silo: this.RuntimeIdentity, OnAccelerator: accelerator.Available);

    private string PlacementNote() => accelerator.Available
        ? $"Trained on silo {this.RuntimeIdentity} with an accelerator ({accelerator.Source})."
        : $"No silo with an accelerator was available: trained on the CPU of silo {this.RuntimeIdentity} ({accelerator.Source}).";

    [LoggerMessage(Level = LogLevel.Information, Message = "Training {Model} for {Symbol} on {Days} closed days, silo {Silo}, accelerator {Accelerator}")]
    private partial void LogStarted(string symbol, string model, int days, string silo, bool accelerator);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained {Model} for {Symbol}: version {Version}, MAE {Mae}, MASE {Mase}")]
    private partial void LogFinished(string symbol, string model, int version, double mae, double mase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training {Model} for {Symbol} failed")]
    private partial void LogFailed(Exception exception, string symbol, string model);
}
