using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StreamPredictor.Cluster.Tests.Support;

/// <summary>A server process started for one test: ready once its loopback port accepts, killed on dispose.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(15);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<ServerProcess> StartAsync(string binary, int port, params string[] arguments)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        var server = new ServerProcess(process, port);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilListeningAsync(binary);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null && _output.Count < 200)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilListeningAsync(string binary)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{binary} exited with {_process.ExitCode} before listening on {Port}:\n{string.Join('\n', _output)}");
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < StartDeadline)
            {
                await Task.Delay(25);
            }
            catch (SocketException e)
            {
                throw new TimeoutException($"{binary} did not listen on {Port} within {StartDeadline}:\n{string.Join('\n', _output)}", e);
            }
        }
    }
}
