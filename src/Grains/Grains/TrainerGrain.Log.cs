using Microsoft.Extensions.Logging;
using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Grains;

/// <summary>The log lines of <see cref="TrainerGrain"/>.</summary>
public sealed partial class TrainerGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Training {Model} for {Symbol} on {Days} closed days, silo {Silo}, accelerator {Accelerator}")]
    private partial void LogStarted(string symbol, string model, int days, string silo, bool accelerator);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained {Model} for {Symbol}: version {Version}, MAE {Mae}, MASE {Mase}")]
    private partial void LogFinished(string symbol, string model, int version, double mae, double mase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training {Model} for {Symbol} failed")]
    private partial void LogFailed(Exception exception, string symbol, string model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training {Model} for {Symbol} ended {State} but storing its status failed")]
    private partial void LogStatusNotStored(Exception exception, string symbol, string model, TrainingState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training {Model} for {Symbol} on silo {Silo} was lost with its silo; reported {State}")]
    private partial void LogLostRun(string symbol, string model, string? silo, TrainingState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training {Model} for {Symbol} scheduled every {Period}")]
    private partial void LogScheduled(string symbol, string model, TimeSpan period);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training schedule of {Model} for {Symbol} cleared")]
    private partial void LogUnscheduled(string symbol, string model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled training of {Model} for {Symbol} not started: {Reason}")]
    private partial void LogScheduledRunRefused(string symbol, string model, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering the training reminder of {Model} for {Symbol} failed")]
    private partial void LogReminderFailed(Exception exception, string symbol, string model);
}
