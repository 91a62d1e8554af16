using Microsoft.Extensions.Logging;

namespace StreamPredictor.Grains;

/// <summary>The log lines of <see cref="ForecastGrain"/>.</summary>
public sealed partial class ForecastGrain
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: active model {Model} needs more than the {Days} closed days there are; forecasting naively")]
    private partial void LogTooFewDays(string symbol, string model, int days);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol}: serving model version {Version} ({Model})")]
    private partial void LogServing(string symbol, int version, string model);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Symbol}: model version {Version} could not be loaded; version {Served} keeps serving and the load is retried")]
    private partial void LogLoadFailed(Exception exception, string symbol, int version, int served);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Symbol}: model version {Version} still cannot be loaded: {Reason}")]
    private partial void LogLoadStillFailing(string symbol, int version, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: the model registry did not answer; version {Served} keeps serving")]
    private partial void LogRegistryUnreachable(Exception exception, string symbol, int served);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: the forecast was not updated ({Why}); retried on the next check")]
    private partial void LogRecomputeDeferred(Exception exception, string symbol, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: pushing the forecast on the forecasts stream failed; pushed again on the next check")]
    private partial void LogPublishFailed(Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: pushing the nowcast on the nowcasts stream failed; the next update pushes a newer one")]
    private partial void LogNowcastPublishFailed(Exception exception, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: no nowcaster could be built on the days to {LastClosed}; the previous one keeps serving")]
    private partial void LogNowcasterFailed(Exception exception, string symbol, DateOnly lastClosed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol}: the open day could not be read on activation; the nowcast catches up with the next batch")]
    private partial void LogOpenDayUnread(Exception exception, string symbol);
}
