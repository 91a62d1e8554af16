using Microsoft.Extensions.Logging;

namespace StreamPredictor.Client;

/// <summary>What an ingest logs: resends and failed calls at Warning, since each one is worth a look; nothing per batch.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest of {Symbol}: batch {Sequence} not confirmed {Seconds:F1} s after it was sent; sending it again (send {Send})")]
    public static partial void Resending(ILogger logger, string symbol, long sequence, double seconds, int send);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest of {Symbol}: publishing batch {Sequence} failed; it will be sent again unless confirmed")]
    public static partial void PublishFailed(ILogger logger, Exception exception, string symbol, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest of {Symbol}: asking for the confirmation of producer {Producer} failed")]
    public static partial void PollFailed(ILogger logger, Exception exception, string symbol, Guid producer);
}
