using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Placement;
using StreamPredictor.Grains.Storage;
using StreamPredictor.Grains.Telemetry;
using StreamPredictor.Grains.Training;

namespace StreamPredictor.Grains;

/// <summary>
/// Trains one model kind for one symbol. Placed on a silo with an accelerator when there is one (else on any silo, which
/// the report says). A request is checked before anything starts (<see cref="TrainingRequestRules"/>). The run's status is
/// stored as Running before the work starts and again when it ends; the work runs in <see cref="Task.Run(Action)"/> on
/// immutable inputs while the grain answers status calls. An activation that finds a stored Running run it is not
/// executing reports it: completed if the run registered its version before its silo was lost, else failed. A schedule is
/// a stored request plus a reminder (persistent in both profiles).
/// </summary>
[AcceleratorPlacement]
public sealed partial class TrainerGrain(
    [PersistentState("schedule", StorageNames.Default)] IPersistentState<TrainerScheduleState> schedule,
    [PersistentState("run", StorageNames.Default)] IPersistentState<TrainerRunState> run,
    SiloAccelerator accelerator,
    IOptions<ReminderOptions> reminderOptions,
    StreamMetrics metrics,
    ILogger<TrainerGrain> logger) : Grain, ITrainerGrain, IRemindable
{
    private const string ReminderName = "train";
    private const string Lost = "the silo running it was lost before it finished; the active model is unchanged";
    private const string ShutDown = "the silo running it shut down before it finished; the active model is unchanged";

    private TrainingRun? _run;
    private TrainingStatus? _status;

    // The key is SYMBOL/MODEL; a symbol may itself hold a slash (BTC/USD), a model name never does.
    private string Symbol => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().LastIndexOf('/')];

    private string Model => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf('/') + 1)..];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _status = run.State.Status;
        if (_status is { State: TrainingState.Running } orphan)
        {
            await SettleLostRunAsync(orphan);
        }

        if (schedule.State.Request is not null && await this.GetReminder(ReminderName) is null)
        {
            await RegisterReminderAsync(schedule.State.Period);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_run is { IsRunning: true } current)
        {
            await current.StopAsync(ShutDown);
            try
            {
                await current.Completion.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Deactivation ran out of time: the stored status stays Running, and the next activation reports the run lost.
            }
        }
    }

    public async Task<TrainingStatus> StartAsync(TrainingRequest request)
    {
        if (_run is { IsRunning: true })
        {
            return Current();
        }

        TrainingRequestRules.Check(request, Model);
        var days = await GrainFactory.GetGrain<IMarketGrain>(Symbol).GetLastClosedDaysAsync(int.MaxValue);
        TrainingRequestRules.CheckDays(request, days.Length);
        var active = await GrainFactory.GetGrain<IModelRegistryGrain>(Symbol).GetActiveAsync();

        var started = new TrainingRun(Guid.NewGuid());
        await SaveAsync(Status(TrainingState.Running, PlacementNote()), started.Id);
        _run?.Dispose();
        _run = started;
        DelayDeactivation(TimeSpan.FromHours(12));
        LogStarted(Symbol, request.Model, days.Length, this.RuntimeIdentity, accelerator.Available);
        started.Completion = RunAsync(started, request, days, active);
        return Current();
    }

    public Task<TrainingStatus> GetStatusAsync() => Task.FromResult(Current());

    public async Task<TrainingStatus> CancelAsync()
    {
        if (_run is { IsRunning: true } current)
        {
            await current.StopAsync(failure: null);
            await current.Completion;
        }

        return Current();
    }

    public Task<TrainingSchedule?> GetScheduleAsync() => Task.FromResult(
        schedule.State.Request is { } request && schedule.State.Period > TimeSpan.Zero
            ? new TrainingSchedule(request, schedule.State.Period)
            : null);

    public async Task ScheduleAsync(TrainingRequest request, TimeSpan period)
    {
        if (period == TimeSpan.Zero)
        {
            await ClearScheduleAsync();
            return;
        }

        var minimum = reminderOptions.Value.MinimumReminderPeriod;
        if (period < minimum)
        {
            throw new ArgumentException($"a training schedule's period must be at least {Describe(minimum)} (the reminder minimum), got {Describe(period)}; zero clears the schedule");
        }

        TrainingRequestRules.Check(request, Model);
        var (previousRequest, previousPeriod) = (schedule.State.Request, schedule.State.Period);
        schedule.State.Request = request;
        schedule.State.Period = period;
        try
        {
            await schedule.WriteStateAsync();
        }
        catch
        {
            (schedule.State.Request, schedule.State.Period) = (previousRequest, previousPeriod);
            throw;
        }

        try
        {
            await RegisterReminderAsync(period);
        }
        catch
        {
            await RestoreScheduleAsync(previousRequest, previousPeriod);
            throw;
        }

        LogScheduled(Symbol, Model, period);
    }

    public Task<TrainerPlacement> GetPlacementAsync() =>
        Task.FromResult(new TrainerPlacement(this.RuntimeIdentity, accelerator.Available, TorchRuntime.DeviceName));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        if (schedule.State.Request is not { } request)
        {
            // The schedule was cleared but removing its reminder failed: remove it now.
            if (await this.GetReminder(ReminderName) is { } stale)
            {
                await this.UnregisterReminder(stale);
            }

            return;
        }

        try
        {
            await StartAsync(request);
        }
        catch (ArgumentException e)
        {
            LogScheduledRunRefused(Symbol, Model, e.Message);
        }
    }

    private async Task RunAsync(TrainingRun current, TrainingRequest request, DailyBar[] days, ActiveModel? active)
    {
        var started = Stopwatch.GetTimestamp();
        TrainingStatus ended;
        try
        {
            var outcome = await Task.Run(() => TrainingJob.Run(request, days, active?.Blob, current.Progress, current.Token), CancellationToken.None);
            var version = new ModelVersion(
                0, request.Model, DateTimeOffset.UtcNow, this.RuntimeIdentity, accelerator.Available,
                outcome.Summary.EpochsRun, outcome.Summary.Seconds, outcome.HeldOutFrom, outcome.HeldOutTo,
                outcome.HeldOut.Mae, outcome.HeldOut.Rmse, outcome.HeldOut.Mape, outcome.HeldOut.Mase, outcome.NaiveMae,
                HeldOutForecasts: outcome.HeldOutForecasts, RunId: current.Id,
                LastMae: outcome.LastMae, MaeVsLast: double.IsFinite(outcome.HeldOut.MaeVsLast) ? outcome.HeldOut.MaeVsLast : null);
            var registered = await GrainFactory.GetGrain<IModelRegistryGrain>(Symbol).RegisterAsync(
                version, outcome.Blob, active?.Version.Version ?? 0, request.ActivateIfBetter ? outcome.ActiveMae : null);
            var verdict = registered.Active
                ? $"version {registered.Version} is now active: MAE {registered.Mae:F2} beats the active model's {outcome.ActiveMae:F2} on the same {request.HeldOutDays} held-out days"
                : $"version {registered.Version} kept but not activated: MAE {registered.Mae:F2} vs the active model's {outcome.ActiveMae:F2}";
            ended = Status(TrainingState.Completed, $"{verdict}. {PlacementNote()}") with
            {
                Result = registered,
                ActiveMaeOnSameDays = outcome.ActiveMae,
            };
            LogFinished(Symbol, request.Model, registered.Version, registered.Mae, registered.Mase);
        }
        catch (OperationCanceledException) when (current.Token.IsCancellationRequested)
        {
            ended = current.StopReason is { } failure ? Status(TrainingState.Failed, failure) : Status(TrainingState.Cancelled, "cancelled");
        }
        catch (Exception e)
        {
            ended = Status(TrainingState.Failed, e.Message);
            LogFailed(e, Symbol, request.Model);
        }

        metrics.TrainingFinished(request.Model, ended.State, Stopwatch.GetElapsedTime(started));
        try
        {
            await SaveAsync(ended, current.Id);
        }
        catch (Exception e)
        {
            // The registry holds a registered version; a later activation finds it by the run's id.
            _status = ended;
            LogStatusNotStored(e, Symbol, request.Model, ended.State);
        }
    }

    /// <summary>A run stored as Running that this activation is not executing: its silo is gone.</summary>
    private async Task SettleLostRunAsync(TrainingStatus orphan)
    {
        var runId = run.State.RunId;
        var registered = runId == Guid.Empty
            ? null
            : (await GrainFactory.GetGrain<IModelRegistryGrain>(Symbol).ListAsync()).FirstOrDefault(v => v.RunId == runId);
        var settled = registered is null
            ? orphan with { State = TrainingState.Failed, Message = $"{Lost} (it ran on silo {orphan.Silo})" }
            : orphan with
            {
                State = TrainingState.Completed,
                Result = registered,
                Message = $"version {registered.Version} was registered (active: {registered.Active}) before the silo running it (silo {orphan.Silo}) was lost",
            };
        await SaveAsync(settled, runId);
        LogLostRun(Symbol, Model, orphan.Silo, settled.State);
    }

    /// <summary>Stores the status, then makes it the one reported.</summary>
    private async Task SaveAsync(TrainingStatus status, Guid runId)
    {
        var previous = (run.State.Status, run.State.RunId);
        (run.State.Status, run.State.RunId) = (status, runId);
        try
        {
            await run.WriteStateAsync();
        }
        catch
        {
            (run.State.Status, run.State.RunId) = previous;
            throw;
        }

        _status = status;
    }

    private async Task ClearScheduleAsync()
    {
        // State first: a reminder left behind finds no schedule and removes itself; a schedule left without its reminder
        // would get one back on the next activation.
        await schedule.ClearStateAsync();
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        LogUnscheduled(Symbol, Model);
    }

    /// <summary>Puts back the schedule stored before a change whose reminder could not be registered.</summary>
    private async Task RestoreScheduleAsync(TrainingRequest? request, TimeSpan period)
    {
        try
        {
            if (request is null)
            {
                await schedule.ClearStateAsync();
            }
            else
            {
                (schedule.State.Request, schedule.State.Period) = (request, period);
                await schedule.WriteStateAsync();
            }
        }
        catch (Exception e)
        {
            // What is stored is read back on the next activation, which registers the reminder a stored schedule needs.
            LogReminderFailed(e, Symbol, Model);
            DeactivateOnIdle();
        }
    }

    private async Task RegisterReminderAsync(TimeSpan period)
    {
        try
        {
            await this.RegisterOrUpdateReminder(ReminderName, period, period);
        }
        catch (Exception e)
        {
            LogReminderFailed(e, Symbol, Model);
            throw;
        }
    }

    private TrainingStatus Current()
    {
        var status = _status ?? Status(TrainingState.Idle, "not started");
        if (status.State == TrainingState.Running && _run?.Progress.Latest is { } p)
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

    private static string Describe(TimeSpan period) => period.TotalMinutes >= 1 && period.Seconds == 0 && period.Milliseconds == 0
        ? period.TotalMinutes == 1 ? "1 minute" : $"{period.TotalMinutes:0.##} minutes"
        : $"{period.TotalSeconds:0.###} s";
}
