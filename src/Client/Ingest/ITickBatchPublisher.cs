using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Client;

/// <summary>Puts a batch on its symbol's tick stream. A completed publish proves nothing: only a confirmation does.</summary>
internal interface ITickBatchPublisher
{
    Task PublishAsync(TickBatch batch);
}
