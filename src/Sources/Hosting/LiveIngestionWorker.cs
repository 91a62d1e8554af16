using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamPredictor.Client;
using StreamPredictor.Sources.Ingestion;
using StreamPredictor.Sources.Replay;

namespace StreamPredictor.Sources.Hosting;

/// <summary>
/// Runs every feed of <c>Stream:Live:Feeds</c> in the host (a silo, or any host with the SDK): each publishes its
/// source through the SDK from the symbol's last stored minute. Bad input never stops a feed; a feed that fails
/// for another reason (a wrong pair, the cluster gone) is logged and restarted. On shutdown every feed finishes its
/// complete minutes and waits (up to <see cref="LiveOptions.ConfirmTimeout"/>) until the cluster confirms them.
/// </summary>
public sealed partial class LiveIngestionWorker(StreamClient client, SourceFactory factory, IOptions<LiveOptions> options, TimeProvider time, ILogger<LiveIngestionWorker> logger)
    : BackgroundService
{
    private readonly LiveOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_options.Feeds.Select(feed => Task.Run(() => RunFeedAsync(feed, stoppingToken), CancellationToken.None)));

    private async Task RunFeedAsync(FeedOptions feed, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var source = factory.Create(feed.Symbol, feed.Source, feed.Pair, feed.Speed);
            using var confirm = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
            using var onStop = stopping.Register(() => confirm.CancelAfter(_options.ConfirmTimeout));
            try
            {
                LogStarting(logger, feed.Symbol, source.Name);
                var result = await FeedRunner.RunLiveAsync(client, feed.Symbol, source, _options.BatchSize, null, stopping, confirm.Token);
                LogStopped(logger, feed.Symbol, source.Name, result.TicksSent, result.BatchesSent);
                if (source is ReplaySource)
                {
                    return; // a replay ends with its file
                }
            }
            catch (Exception e) when (!stopping.IsCancellationRequested || e is OperationCanceledException)
            {
                LogFailed(logger, e, feed.Symbol, source.Name, _options.RestartDelay);
                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                try
                {
                    await Task.Delay(_options.RestartDelay, time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            finally
            {
                (source as IDisposable)?.Dispose();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live feed {Symbol} from {Source}: starting")]
    private static partial void LogStarting(ILogger logger, string symbol, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live feed {Symbol} from {Source}: stopped; {Ticks} minutes in {Batches} batches confirmed")]
    private static partial void LogStopped(ILogger logger, string symbol, string source, long ticks, long batches);

    [LoggerMessage(Level = LogLevel.Error, Message = "Live feed {Symbol} from {Source} failed; restarting in {Delay}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string symbol, string source, TimeSpan delay);
}
