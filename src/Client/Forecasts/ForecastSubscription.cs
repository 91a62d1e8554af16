namespace StreamPredictor.Client;

/// <summary>
/// A subscription to a symbol's forecasts or nowcasts (<paramref name="unsubscribe"/> ends the stream subscription). Disposing it unsubscribes; disposing it again, or after the host stopped
/// (when the client closed it already, or the connection is gone), does nothing.
/// </summary>
internal sealed class ForecastSubscription(Func<Task> unsubscribe, ClientLifetime lifetime, Action? onClosed = null) : IAsyncDisposable
{
    private int _closed;

    public async ValueTask DisposeAsync()
    {
        if (lifetime.IsStopping)
        {
            // The host is stopping or stopped: the client closes subscriptions itself, and the connection may be gone.
            Interlocked.Exchange(ref _closed, 1);
            lifetime.Forget(this);
            onClosed?.Invoke();
            return;
        }

        await CloseAsync();
    }

    /// <summary>Unsubscribes once; a connection already gone is not an error here.</summary>
    public async Task CloseAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        lifetime.Forget(this);
        onClosed?.Invoke();
        try
        {
            await unsubscribe();
        }
        catch (Exception e) when (e is ObjectDisposedException or OrleansException or TimeoutException)
        {
            // The client was shut down underneath, or the cluster is gone: nothing is left to unsubscribe from.
        }
    }
}
