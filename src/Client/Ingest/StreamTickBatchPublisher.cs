using StreamPredictor.Abstractions.Market;
using StreamPredictor.Abstractions.Streams;

namespace StreamPredictor.Client;

/// <summary>
/// Publishes on the cluster's "ticks" stream of the batch's symbol, through whatever stream provider the client
/// registered; a direct publish calls the symbol's market grain instead (the same idempotent apply).
/// </summary>
internal sealed class StreamTickBatchPublisher(IClusterClient cluster) : ITickBatchPublisher
{
    public Task PublishAsync(TickBatch batch, bool direct = false) => direct
        ? cluster.GetGrain<IMarketGrain>(batch.Symbol).IngestAsync(batch)
        : StreamNames.Get<TickBatch>(cluster.GetStreamProvider(StreamNames.Provider), StreamNames.Ticks, batch.Symbol).OnNextAsync(batch);
}
