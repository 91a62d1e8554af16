using Microsoft.Extensions.Logging;

namespace StreamPredictor.Cli.Commands.Live;

/// <summary>Warnings of a running source (a failed connection, a cut repair) as plain lines on standard error.</summary>
internal sealed class ConsoleErrorLoggerProvider(CliConsole console) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(console);

    public void Dispose()
    {
    }

    private sealed class Logger(CliConsole console) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lock (console.Error)
                {
                    console.Error.WriteLine((console.Interactive ? "\r" : "") + "stream: " + formatter(state, exception));
                }
            }
        }
    }
}
