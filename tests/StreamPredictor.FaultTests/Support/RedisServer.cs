using System.Globalization;

namespace StreamPredictor.FaultTests.Support;

/// <summary>
/// A redis-server on a free loopback port with its data in <see cref="Directory"/>. Durable by default: an
/// append-only file synced on every write (<c>appendfsync always</c>), so a SIGKILL loses nothing acknowledged.
/// It can be killed and started again on the same port and data.
/// </summary>
public sealed class RedisServer(string directory, string appendFsync = "always", string? password = null) : IAsyncDisposable
{
    private ChildProcess? _process;

    public int Port { get; } = FreePort.Next();

    public string Directory { get; } = directory;

    public string Connection => $"127.0.0.1:{Port}";

    public ChildProcess Process => _process ?? throw new InvalidOperationException("redis-server is not started");

    public async Task StartAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        List<string> arguments =
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", Directory,
            "--save", "", "--daemonize", "no", "--loglevel", "warning",
            "--appendonly", appendFsync == "off" ? "no" : "yes",
        ];
        if (appendFsync != "off")
        {
            arguments.AddRange(["--appendfsync", appendFsync]);
        }

        if (password is not null)
        {
            arguments.AddRange(["--requirepass", password]);
        }

        _process = ChildProcess.Start("redis-server", ServerBinary.Find("redis-server", "STREAM_REDIS_SERVER"), arguments);
        await Loopback.WaitUntilListeningAsync("redis-server", Port, TimeSpan.FromSeconds(30), _process);
    }

    public Task KillAsync() => Process.KillAsync();

    public async Task RestartAsync()
    {
        await Process.DisposeAsync();
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
