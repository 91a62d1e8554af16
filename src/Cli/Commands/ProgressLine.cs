namespace StreamPredictor.Cli.Commands;

/// <summary>
/// Progress on standard error: one line redrawn in place on a terminal (at most 10 times a second); when
/// standard error is redirected, nothing until <see cref="Done"/>, so logs stay clean.
/// </summary>
public sealed class ProgressLine<T>(CliConsole console, Func<T, string> format) : IProgress<T>
{
    private long _lastDrawn;
    private int _width;

    public void Report(T value)
    {
        if (!console.Interactive || Environment.TickCount64 - _lastDrawn < 100)
        {
            return;
        }

        _lastDrawn = Environment.TickCount64;
        var text = format(value);
        console.Error.Write("\r" + text.PadRight(_width));
        _width = text.Length;
    }

    public void Done()
    {
        if (console.Interactive && _width > 0)
        {
            console.Error.Write("\r" + new string(' ', _width) + "\r");
        }
    }
}
