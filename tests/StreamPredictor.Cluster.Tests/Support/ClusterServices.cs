using System.Globalization;
using System.Text.RegularExpressions;

namespace StreamPredictor.Cluster.Tests.Support;

/// <summary>
/// A private redis-server and nats-server (JetStream on) for one test, on free loopback ports, with their data
/// in a temporary folder; both are killed and the folder removed on dispose.
/// </summary>
public sealed partial class ClusterServices : IAsyncDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("stream-cluster-");
    private ServerProcess? _redis;
    private ServerProcess? _nats;
    private int _natsStarts;

    public string Redis => $"127.0.0.1:{_redis!.Port}";

    public string NatsUrl => $"nats://127.0.0.1:{_nats!.Port}";

    public static async Task<ClusterServices> StartAsync()
    {
        var services = new ClusterServices();
        try
        {
            await services.StartRedisAsync();
            await services.StartNatsAsync();
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    /// <summary>Replaces the NATS server with a new one that has an empty JetStream store.</summary>
    public async Task ReplaceNatsAsync()
    {
        await _nats!.DisposeAsync();
        await StartNatsAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_nats is not null)
        {
            await _nats.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        _directory.Delete(recursive: true);
    }

    private async Task StartRedisAsync()
    {
        var binary = ServerBinary.Find("redis-server", "STREAM_REDIS_SERVER");
        var port = FreePort.Next();
        _redis = await ServerProcess.StartAsync(binary, port,
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory.FullName,
            "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning");
    }

    private async Task StartNatsAsync()
    {
        var binary = ServerBinary.Find("nats-server", "STREAM_NATS_SERVER");
        RequireSubjectTransforms(binary);
        var port = FreePort.Next();
        var store = Path.Combine(_directory.FullName, $"jetstream-{++_natsStarts}");
        _nats = await ServerProcess.StartAsync(binary, port,
            "--addr", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--jetstream", "--store_dir", store);
    }

    /// <summary>nats-server before 2.10 stores messages under a subject transform and never delivers them, silently.</summary>
    private static void RequireSubjectTransforms(string binary)
    {
        var version = ServerBinary.Version(binary);
        var match = VersionPattern().Match(version);
        var supported = match.Success && new Version(
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)) >= new Version(2, 10);
        if (!supported)
        {
            throw new InvalidOperationException(
                $"{binary} reports '{version}'; the NATS stream provider needs nats-server 2.10 or newer (JetStream subject transforms). " +
                "Run the tests with 'bash test.sh', which fetches nats-server 2.10 without root, or set STREAM_NATS_SERVER.");
        }
    }

    [GeneratedRegex(@"v(\d+)\.(\d+)")]
    private static partial Regex VersionPattern();
}
