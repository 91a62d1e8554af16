namespace StreamPredictor.Cli.Commands.Live;

/// <summary>
/// Prints a status line on standard error while a command runs: redrawn in place every second on a terminal, a
/// new line every <c>every</c> when standard error is redirected (a log). Lines printed meanwhile (forecasts on
/// standard output) are not overwritten: the in-place line is cleared first.
/// </summary>
public sealed class StatusPrinter(CliConsole console, Func<string> status, TimeSpan every) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private int _width;
    private bool _disposed;

    public void Start() => _loop = Task.Run(LoopAsync);

    /// <summary>Writes a line of results on standard output without tearing the status line.</summary>
    public void WriteResult(string line)
    {
        lock (console.Error)
        {
            Clear();
            console.Out.WriteLine(line);
            console.Out.Flush();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        lock (console.Error)
        {
            Clear();
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(console.Interactive ? TimeSpan.FromSeconds(1) : every);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Print();
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private void Print()
    {
        var text = status();
        lock (console.Error)
        {
            if (console.Interactive)
            {
                console.Error.Write("\r" + text.PadRight(_width));
                _width = text.Length;
            }
            else
            {
                console.Error.WriteLine(text);
            }
        }
    }

    private void Clear()
    {
        if (console.Interactive && _width > 0)
        {
            console.Error.Write("\r" + new string(' ', _width) + "\r");
            _width = 0;
        }
    }
}
