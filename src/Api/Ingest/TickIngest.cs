using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Api.Ingest;

/// <summary>
/// Applies an upload to a symbol's market grain through <see cref="IMarketGrain.IngestAsync"/>, batch after batch,
/// each applied and stored before the next is sent. Ticks are deduplicated by timestamp, so sending an upload
/// again (after a timeout, a restart) changes nothing that was applied. Batches carry no producer, so uploads
/// never push the SDK's producers out of the grain's memory of applied batch numbers.
/// </summary>
public static class TickIngest
{
    public static async Task<(int Batches, IngestStats Stats)> ApplyAsync(IGrainFactory grains, string symbol, Tick[] ticks, int batchSize)
    {
        var market = grains.GetGrain<IMarketGrain>(symbol);
        var batches = 0;
        foreach (var chunk in ticks.Chunk(batchSize))
        {
            await market.IngestAsync(new TickBatch(symbol, chunk));
            batches++;
        }

        return (batches, await market.GetStatsAsync());
    }
}
