using Microsoft.Extensions.Logging;

namespace StreamPredictor.Sources.Tests.Support;

/// <summary>A logger appending to the file named by STREAM_TEST_LOG, for looking into a failing test by hand.</summary>
public sealed class FileLogger(string path) : ILogger
{
    private static readonly Lock Gate = new();

    public static ILogger Create() =>
        Environment.GetEnvironmentVariable("STREAM_TEST_LOG") is { Length: > 0 } path
            ? new FileLogger(path)
            : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Gate)
        {
            File.AppendAllText(path, $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {formatter(state, exception)} {exception}\n");
        }
    }
}
