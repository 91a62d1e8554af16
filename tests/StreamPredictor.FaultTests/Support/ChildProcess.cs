using System.Collections.Concurrent;
using System.Diagnostics;

namespace StreamPredictor.FaultTests.Support;

/// <summary>
/// A process this test started, with its standard output and error kept line by line. It can be killed
/// (SIGKILL), paused (SIGSTOP) and resumed (SIGCONT); it is killed, with its children, on dispose.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int MaxLines = 50_000;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _standardOutput = new();
    private readonly ConcurrentQueue<string> _standardError = new();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Standard output and error, interleaved as they arrived.</summary>
    public string Output => string.Join('\n', _lines);

    /// <summary>Standard output alone, each line ending in a newline.</summary>
    public string StandardOutput => string.Concat(_standardOutput.Select(line => line + "\n"));

    /// <summary>Standard error alone.</summary>
    public IReadOnlyCollection<string> ErrorLines => _standardError;

    public static ChildProcess Start(string name, string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data, standardOutput: true);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data, standardOutput: false);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return child;
    }

    /// <summary>Waits for a line that matches; fails if the process exits first or the deadline passes.</summary>
    public async Task<string> WaitForLineAsync(string what, Func<string, bool> match, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited ({_process.ExitCode}) before {what}:\n{Tail()}");
            }

            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"{Name}: no {what} within {deadline.TotalSeconds:0} s:\n{Tail()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGSTOP: the process stays, its sockets stay open, nothing answers.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    public Task ResumeAsync() => SignalAsync("CONT");

    /// <summary>Waits for the process to exit on its own; false when the deadline passes first.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string Tail(int count = 40) => string.Join('\n', _lines.TakeLast(count));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await ResumeAsync();
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
    }

    private void Keep(string? line, bool standardOutput)
    {
        if (line is null || _lines.Count >= MaxLines)
        {
            return;
        }

        _lines.Enqueue(line);
        if (standardOutput)
        {
            _standardOutput.Enqueue(line);
        }
        else
        {
            _standardError.Enqueue(line);
        }
    }
}
