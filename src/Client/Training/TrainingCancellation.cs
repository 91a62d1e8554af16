using Microsoft.Extensions.Logging;
using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Client;

/// <summary>When a caller cancels <see cref="IStreamClient.TrainAsync"/>: stop the run on the silo too, not only the wait.</summary>
internal static partial class TrainingCancellation
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task CancelOnSiloAsync(ITrainerGrain trainer, string symbol, string model, ILogger logger)
    {
        try
        {
            await trainer.CancelAsync().WaitAsync(Timeout);
        }
        catch (Exception e)
        {
            LogCancelFailed(logger, e, model, symbol);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cancelling the {Model} training of {Symbol} on the silo failed; it may still be running")]
    private static partial void LogCancelFailed(ILogger logger, Exception exception, string model, string symbol);
}
