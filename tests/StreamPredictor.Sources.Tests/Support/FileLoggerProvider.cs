using Microsoft.Extensions.Logging;

namespace StreamPredictor.Sources.Tests.Support;

/// <summary>Adds <see cref="FileLogger"/> to a host's logging when STREAM_TEST_LOG names a file.</summary>
public sealed class FileLoggerProvider : ILoggerProvider
{
    public static void AddTo(ILoggingBuilder logging)
    {
        if (Environment.GetEnvironmentVariable("STREAM_TEST_LOG") is { Length: > 0 })
        {
            logging.AddProvider(new FileLoggerProvider()).AddFilter("Orleans", LogLevel.Warning).AddFilter("Microsoft", LogLevel.Warning);
        }
    }

    public ILogger CreateLogger(string categoryName) => FileLogger.Create();

    public void Dispose()
    {
    }
}
