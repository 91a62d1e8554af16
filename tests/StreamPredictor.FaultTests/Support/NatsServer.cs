using System.Globalization;

namespace StreamPredictor.FaultTests.Support;

/// <summary>
/// A nats-server with JetStream on a free loopback port, configured by a file: its store in
/// <c>Directory/jetstream</c>, <c>sync_interval: always</c> by default (every acknowledged message is on disk,
/// not only in the page cache). It can be killed, paused (SIGSTOP) and restarted on the same port and store.
/// </summary>
/// <param name="tls">Serve TLS only, with this certificate, and require clients to present one from the same authority.</param>
public sealed class NatsServer(string directory, string? syncInterval = "always", string? user = null, string? password = null, ServerTls? tls = null) : IAsyncDisposable
{
    private ChildProcess? _process;

    public int Port { get; } = FreePort.Next();

    public string Url => $"nats://127.0.0.1:{Port}";

    public ChildProcess Process => _process ?? throw new InvalidOperationException("nats-server is not started");

    public async Task StartAsync()
    {
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "nats.conf");
        var store = Path.Combine(directory, "jetstream").Replace("\\", "/", StringComparison.Ordinal);
        var sync = syncInterval is null ? "" : $", sync_interval: {syncInterval}";
        var authorization = user is null ? "" : $"authorization {{ user: \"{user}\", password: \"{password}\" }}\n";
        var tlsBlock = tls is null ? "" : $"tls {{ cert_file: \"{tls.CertificateFile}\", key_file: \"{tls.KeyFile}\", ca_file: \"{tls.CaFile}\", verify: true }}\n";
        await File.WriteAllTextAsync(config,
            $"listen: 127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}\njetstream {{ store_dir: \"{store}\"{sync} }}\n{authorization}{tlsBlock}");
        _process = ChildProcess.Start("nats-server", ServerBinary.Find("nats-server", "STREAM_NATS_SERVER"), ["-c", config]);
        await Loopback.WaitUntilListeningAsync("nats-server", Port, TimeSpan.FromSeconds(30), _process);
    }

    public Task KillAsync() => Process.KillAsync();

    public Task PauseAsync() => Process.PauseAsync();

    public Task ResumeAsync() => Process.ResumeAsync();

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
