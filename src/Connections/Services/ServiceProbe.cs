using NATS.Client.Core;
using StackExchange.Redis;

namespace StreamPredictor.Connections.Services;

/// <summary>
/// One quick question to a service: does Redis answer PING, does NATS accept a connection with JetStream on?
/// Each returns null when the service answers, else a one-line reason free of credentials.
/// </summary>
public static class ServiceProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<string?> RedisAsync(ConfigurationOptions redis, CancellationToken cancellationToken)
    {
        var options = redis.Clone();
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 1;
        options.ConnectTimeout = (int)Timeout.TotalMilliseconds;
        options.ClientName = "stream-probe";
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(Timeout, cancellationToken);
            await connection.GetDatabase().PingAsync().WaitAsync(Timeout, cancellationToken);
            return null;
        }
        catch (RedisConnectionException e)
        {
            return $"not reachable ({e.FailureType})";
        }
        catch (Exception e) when (e is RedisException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return FirstLine(e.Message);
        }
    }

    public static async Task<string?> NatsAsync(NatsOpts nats, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NatsConnection(nats with { Name = "stream-probe", ConnectTimeout = Timeout });
            await connection.ConnectAsync().AsTask().WaitAsync(Timeout, cancellationToken);
            return connection.ServerInfo is { JetStreamAvailable: false } ? "the server answers but JetStream is not enabled (start it with -js)" : null;
        }
        catch (Exception e) when (e is NatsException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return FirstLine(e.Message);
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
