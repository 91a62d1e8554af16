using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StreamPredictor.Client;

/// <summary>
/// Keeps trying to connect, a second apart, until <see cref="StreamClientOptions.ConnectTimeout"/> has passed since the
/// host started; then the start fails with a <see cref="StreamClientException"/> saying so. A bad setting (a gateway name
/// that does not exist) fails at once.
/// </summary>
internal sealed partial class ConnectRetryFilter(
    IOptions<StreamClientOptions> options,
    ClientLifetime lifetime,
    TimeProvider time,
    ILogger<ConnectRetryFilter> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (exception is StreamClientException { Error: StreamClientError.InvalidRequest })
        {
            ExceptionDispatchInfo.Throw(exception);
        }

        var timeout = options.Value.ConnectTimeout;
        var elapsed = time.GetElapsedTime(lifetime.StartedAt());
        if (elapsed >= timeout)
        {
            var error = exception is StreamClientException ours ? ours.Error : StreamClientError.Unavailable;
            throw new StreamClientException(error,
                $"cannot reach the cluster: still failing {elapsed.TotalSeconds:F1} s after the start ({StreamClientOptions.SectionName}:{nameof(StreamClientOptions.ConnectTimeout)} is {timeout}): {exception.GetBaseException().Message}",
                exception);
        }

        LogRetrying(logger, elapsed.TotalSeconds, timeout.TotalSeconds, exception.GetBaseException().Message);
        var remaining = timeout - elapsed;
        await Task.Delay(remaining < Pause ? remaining : Pause, time, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connecting to the cluster failed after {Elapsed:F1} s of {Timeout:F1} s; trying again: {Reason}")]
    private static partial void LogRetrying(ILogger logger, double elapsed, double timeout, string reason);
}
