using Microsoft.Extensions.Logging;

namespace StreamPredictor.Grains;

/// <summary>The log lines of <see cref="ModelRegistryGrain"/>.</summary>
public sealed partial class ModelRegistryGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol}: registered {Model} as version {Version}, active {Active}")]
    private partial void LogRegistered(string symbol, int version, string model, bool active);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol}: version {Version} is now active")]
    private partial void LogActivated(string symbol, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: writing the model registry failed; it keeps what storage holds")]
    private partial void LogWriteFailed(Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: re-reading the model registry after a failed write failed; it reloads on its next activation")]
    private partial void LogRereadFailed(Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: storing or removing the blob of model version {Version} failed")]
    private partial void LogBlobFailed(Exception exception, string symbol, int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: version {Version} is active but the forecast grain could not be told; it catches up on its next check")]
    private partial void LogNotifyFailed(Exception exception, string symbol, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol}: moved the blobs of {Versions} model versions into records of their own")]
    private partial void LogMovedBlobs(string symbol, int versions);
}
