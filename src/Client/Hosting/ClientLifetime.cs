using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace StreamPredictor.Client;

/// <summary>
/// The client's part in its host's life: when the host starts (so the connect timeout counts from there), and when it
/// stops (so open forecast subscriptions are closed while the connection is still up, and disposing one later is a no-op).
/// </summary>
internal sealed class ClientLifetime(TimeProvider time) : IHostedLifecycleService
{
    private static readonly TimeSpan UnsubscribeTimeout = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<ForecastSubscription, bool> _subscriptions = new();
    private long _started;

    /// <summary>True once the host began stopping: the cluster connection is going or gone.</summary>
    public bool IsStopping { get; private set; }

    /// <summary>When the host began starting (the clock's timestamp); the first call starts it when no host did.</summary>
    public long StartedAt()
    {
        if (Interlocked.Read(ref _started) == 0)
        {
            Interlocked.CompareExchange(ref _started, time.GetTimestamp(), 0);
        }

        return Interlocked.Read(ref _started);
    }

    public void Track(ForecastSubscription subscription) => _subscriptions.TryAdd(subscription, true);

    public void Forget(ForecastSubscription subscription) => _subscriptions.TryRemove(subscription, out _);

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _started, time.GetTimestamp());
        IsStopping = false;
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        IsStopping = true;
        var open = _subscriptions.Keys.ToArray();
        await Task.WhenAll(open.Select(s => s.CloseAsync().WaitAsync(UnsubscribeTimeout, time, CancellationToken.None)
            .ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
