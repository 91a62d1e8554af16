using StreamPredictor.Abstractions.Market;
using StreamPredictor.Abstractions.Streams;

namespace StreamPredictor.Client;

/// <summary>Publishes on the cluster's "ticks" stream of the batch's symbol, through whatever stream provider the client registered.</summary>
internal sealed class StreamTickBatchPublisher(IClusterClient cluster) : ITickBatchPublisher
{
    public Task PublishAsync(TickBatch batch) =>
        StreamNames.Get<TickBatch>(cluster.GetStreamProvider(StreamNames.Provider), StreamNames.Ticks, batch.Symbol).OnNextAsync(batch);
}
