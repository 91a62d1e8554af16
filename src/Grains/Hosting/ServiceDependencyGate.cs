using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using StackExchange.Redis;
using StreamPredictor.Connections.Services;

namespace StreamPredictor.Grains.Hosting;

/// <summary>
/// Holds a cluster-profile silo's start until Redis and NATS (with JetStream) answer, so a silo started before
/// its services waits with one log line per try instead of crashing. Runs before any Orleans component connects.
/// </summary>
public sealed partial class ServiceDependencyGate(
    ConfigurationOptions redis,
    NatsOpts nats,
    TimeSpan longestWait,
    ILogger<ServiceDependencyGate> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(1);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ServiceDependencyGate), ServiceLifecycleStage.RuntimeInitialize - 1, WaitAsync);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var redisAt = RedisAuth.Redacted(redis);
        var natsAt = NatsAuth.Redacted(nats.Url);
        var wait = FirstWait;
        for (var attempt = 1; ; attempt++)
        {
            var (service, at, problem) = await ServiceProbe.RedisAsync(redis, cancellationToken) is { } redisProblem
                ? ("Redis", redisAt, redisProblem)
                : await ServiceProbe.NatsAsync(nats, cancellationToken) is { } natsProblem
                    ? ("NATS", natsAt, natsProblem)
                    : (null, null, null);
            if (service is null)
            {
                LogReady(redisAt, natsAt, attempt);
                return;
            }

            LogWaiting(service, at!, attempt, problem!, wait.TotalSeconds);
            await Task.Delay(wait, cancellationToken);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, longestWait.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo start waits for {Service} at {Endpoint} (try {Attempt}): {Problem}; trying again in {Seconds} s")]
    private partial void LogWaiting(string service, string endpoint, int attempt, string problem, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis at {Redis} and NATS at {Nats} answer (try {Attempt}); the silo starts")]
    private partial void LogReady(string redis, string nats, int attempt);
}
