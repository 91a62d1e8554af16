using System.Globalization;

namespace StreamPredictor.FaultTests.Support;

/// <summary>
/// A redis-server on a free loopback port with its data in <see cref="Directory"/>. Durable by default: an
/// append-only file synced on every write (<c>appendfsync always</c>), so a SIGKILL loses nothing acknowledged.
/// It can be killed and started again on the same port and data.
/// </summary>
/// <param name="tls">Serve TLS only, with this certificate (clients are not asked for one).</param>
public sealed class RedisServer(string directory, string appendFsync = "always", string? password = null, ServerTls? tls = null) : IAsyncDisposable
{
    private ChildProcess? _process;

    public int Port { get; } = FreePort.Next();

    public string Directory { get; } = directory;

    public string Connection => $"127.0.0.1:{Port}";

    public ChildProcess Process => _process ?? throw new InvalidOperationException("redis-server is not started");

    public async Task StartAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var port = Port.ToString(CultureInfo.InvariantCulture);
        List<string> arguments =
        [
            .. tls is null
                ? new[] { "--port", port }
                : ["--port", "0", "--tls-port", port, "--tls-cert-file", tls.CertificateFile, "--tls-key-file", tls.KeyFile,
                   "--tls-ca-cert-file", tls.CaFile, "--tls-auth-clients", "no"],
            "--bind", "127.0.0.1", "--dir", Directory,
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
