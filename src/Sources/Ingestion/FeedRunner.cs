using StreamPredictor.Client;
using StreamPredictor.Sources.Bars;

namespace StreamPredictor.Sources.Ingestion;

/// <summary>
/// Runs a source into a symbol through the SDK's ingest path (its batching, producer numbering and end-to-end
/// confirmation): live from the symbol's last stored minute, or a stretch of history for a backfill.
/// </summary>
public static class FeedRunner
{
    /// <summary>
    /// Publishes <paramref name="source"/> from where the symbol's stored minutes end until <paramref name="stopping"/>
    /// (or the end of a replay), then waits until every published batch is applied and stored.
    /// <paramref name="abort"/> gives up on that wait.
    /// </summary>
    public static async Task<IngestResult> RunLiveAsync(StreamClient client, string symbol, ITickSource source, int batchSize,
        IProgress<IngestProgress>? progress, CancellationToken stopping, CancellationToken abort)
    {
        SymbolName.Validate(symbol);
        var resume = await ResumePoint.FindAsync(client, symbol);
        var ticks = ValidTicks.Only(source.ReadAsync(resume, stopping), source.Counters);
        return await client.IngestAsync(symbol, TickBatches.WhileAvailable(ticks, batchSize), progress, abort);
    }

    /// <summary>
    /// Publishes the complete minutes of [<paramref name="from"/>, <paramref name="to"/>) that the symbol does not hold
    /// yet: after an interruption it starts at the minute after the newest stored one (the symbol's minutes are
    /// stored in order, so those before it are there). The source's last-seen time follows the
    /// minutes sent, for progress.
    /// </summary>
    public static async Task<BackfillResult> RunBackfillAsync(StreamClient client, string symbol, IHistorySource source, long from, long to, int batchSize,
        IProgress<IngestProgress>? progress, CancellationToken stopping, CancellationToken abort)
    {
        SymbolName.Validate(symbol);
        from = Minutes.Floor(from);
        var end = Math.Min(to, source.CompleteBefore());
        var resume = await ResumePoint.FindAsync(client, symbol);
        var start = Math.Max(from, resume ?? from);
        if (start >= end)
        {
            return new BackfillResult(from, end, start, null);
        }

        var ticks = ValidTicks.Only(Seen(Stoppable.Until(token => source.ReadHistoryAsync(start, end, token), stopping), source), source.Counters);
        var sent = await client.IngestAsync(symbol, TickBatches.WhileAvailable(ticks, batchSize), progress, abort);
        return new BackfillResult(from, end, start, sent);
    }

    private static async IAsyncEnumerable<Tick> Seen(IAsyncEnumerable<Tick> ticks, IHistorySource source)
    {
        await foreach (var tick in ticks)
        {
            source.Counters.SeenTime(tick.Timestamp * 1_000_000);
            yield return tick;
        }
    }
}
