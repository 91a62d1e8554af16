using System.Net.Sockets;

namespace StreamPredictor.Client;

/// <summary>
/// Every call the SDK makes to the cluster goes through here: the caller's token stops the wait at once, and any
/// failure becomes a <see cref="StreamClientException"/> (a grain refusing a request with an
/// <see cref="ArgumentException"/> is <see cref="StreamClientError.InvalidRequest"/>).
/// </summary>
internal static class GrainCall
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, string what, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await call().WaitAsync(cancellationToken);
        }
        catch (Exception e) when (Translate(e, what, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    public static async Task RunAsync(Func<Task> call, string what, CancellationToken cancellationToken) =>
        await RunAsync(async () =>
        {
            await call();
            return true;
        }, what, cancellationToken);

    /// <summary>The SDK's exception for <paramref name="e"/>, or null to let it through (cancellation, or already ours).</summary>
    public static StreamClientException? Translate(Exception e, string what, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        StreamClientException => null,
        ArgumentException => new StreamClientException(StreamClientError.InvalidRequest, $"{what}: refused: {e.Message}", e),
        _ when IsUnavailable(e) => new StreamClientException(StreamClientError.Unavailable, $"{what}: the cluster did not answer: {e.Message}", e),
        _ => new StreamClientException(StreamClientError.ServerError, $"{what} failed: {e.Message}", e),
    };

    private static bool IsUnavailable(Exception e) =>
        e is TimeoutException or ObjectDisposedException or OrleansException or IOException or SocketException
            or OperationCanceledException;
}
