using StreamPredictor.Abstractions.Market;

namespace StreamPredictor.Client;

/// <summary>
/// Puts a batch on its symbol's tick stream, or with <c>direct</c> hands it to the market grain, which answers once it
/// is stored. Either way a completed publish proves nothing: only a confirmation does.
/// </summary>
internal interface ITickBatchPublisher
{
    Task PublishAsync(TickBatch batch, bool direct = false);
}
