using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using StreamPredictor.Api.Hosting;

namespace StreamPredictor.Api.Tests;

/// <summary>
/// Readiness of a cluster-profile silo against a real redis-server and nats-server: ready while both answer, not
/// ready (naming the check) when NATS or Redis is gone, ready again when NATS is back; live throughout.
/// </summary>
public sealed class ClusterHealthTests : IAsyncLifetime
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("stream-health-");
    private readonly int _redisPort = FreePort.Next();
    private readonly int _natsPort = FreePort.Next();
    private readonly int _httpPort = FreePort.Next();
    private ServerProcess? _redis;
    private ServerProcess? _nats;
    private IHost? _silo;

    public async Task InitializeAsync()
    {
        _redis = await ServerProcess.StartAsync(ServerBinary.Find("redis-server", "STREAM_REDIS_SERVER"), _redisPort,
            "--port", Port(_redisPort), "--bind", "127.0.0.1", "--dir", _data.FullName, "--save", "", "--appendonly", "no");
        await StartNatsAsync();
        _silo = StreamHost.Build(
        [
            "--Stream:Silo:Profile=cluster",
            $"--Stream:Silo:Redis=127.0.0.1:{_redisPort}",
            $"--Stream:Silo:NatsUrl=nats://127.0.0.1:{_natsPort}",
            $"--Stream:Silo:SiloPort={Port(FreePort.Next())}",
            $"--Stream:Silo:GatewayPort={Port(FreePort.Next())}",
            "--Orleans:ClusterId=health-tests",
            "--Orleans:ServiceId=health-tests",
            "--Orleans:Endpoints:AdvertisedIPAddress=127.0.0.1",
            "--Stream:Http:Enabled=true",
            $"--Stream:Http:Port={_httpPort}",
            "--Stream:Http:Addresses:0=127.0.0.1",
            "--Logging:LogLevel:Default=Critical",
        ]);
        await _silo.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _silo.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Redis is gone: the silo cannot leave the membership table cleanly.
            }

            _silo.Dispose();
        }

        foreach (var server in new[] { _nats, _redis })
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }

        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task Ready_follows_nats_and_redis_while_live_stays_up()
    {
        using var client = ApiSilo.ClientFor(new Uri($"http://127.0.0.1:{_httpPort}"), null);
        var ready = await Eventually.MatchesAsync("ready with both services up", () => Health(client, "ready"), h => h.Status == HttpStatusCode.OK);

        await _nats!.DisposeAsync();
        var withoutNats = await Eventually.MatchesAsync("not ready without NATS", () => Health(client, "ready"), h => h.Status == HttpStatusCode.ServiceUnavailable);
        var liveWithoutNats = await Health(client, "live");
        await StartNatsAsync();
        var natsBack = await Eventually.MatchesAsync("ready once NATS is back", () => Health(client, "ready"), h => h.Status == HttpStatusCode.OK);

        await _redis!.DisposeAsync();
        _redis = null;
        var withoutRedis = await Eventually.MatchesAsync("not ready without Redis", () => Health(client, "ready"), h => h.Status == HttpStatusCode.ServiceUnavailable);

        Assert.Equal("Healthy", ready.Checks["streams"]);
        Assert.Equal("Unhealthy", withoutNats.Checks["streams"]);
        Assert.Equal("Healthy", withoutNats.Checks["storage"]);
        Assert.Equal(HttpStatusCode.OK, liveWithoutNats.Status);
        Assert.Equal("Healthy", natsBack.Checks["streams"]);
        Assert.Equal("Unhealthy", withoutRedis.Checks["storage"]);
    }

    private async Task StartNatsAsync() =>
        _nats = await ServerProcess.StartAsync(ServerBinary.Find("nats-server", "STREAM_NATS_SERVER"), _natsPort,
            "--addr", "127.0.0.1", "--port", Port(_natsPort), "--jetstream", "--store_dir", Path.Combine(_data.FullName, "jetstream"));

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> Health(HttpClient client, string which)
    {
        using var response = await client.GetAsync($"/health/{which}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!);
        return (response.StatusCode, checks);
    }
}
