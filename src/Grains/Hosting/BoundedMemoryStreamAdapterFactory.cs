using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace StreamPredictor.Grains.Hosting;

/// <summary>
/// Memory streams for the embedded profile with a bounded cache. Orleans' memory streams keep every delivered batch
/// in their pulling agents' cache for at least half an hour, with no size limit (a running silo grew by ~580 MB over
/// 8 million ticks). Consumers here acknowledge a batch only after its state is stored, so the cache is not needed
/// for recovery: this factory keeps the memory queues but gives each agent a <see cref="SimpleQueueCache"/> that
/// drops a batch as soon as every consumer has moved past it and holds at most
/// <see cref="SimpleQueueCacheOptions.CacheSize"/> batches per queue, pausing reads from the queue (not dropping
/// data) while its consumers catch up.
/// </summary>
public sealed class BoundedMemoryStreamAdapterFactory(IQueueAdapterFactory queues, IQueueAdapterCache cache) : IQueueAdapterFactory
{
    public static BoundedMemoryStreamAdapterFactory Create(IServiceProvider services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        var cacheOptions = services.GetOptionsByName<SimpleQueueCacheOptions>(name);
        return new(
            MemoryAdapterFactory<DefaultMemoryMessageBodySerializer>.Create(services, name),
            new SimpleQueueAdapterCache(cacheOptions, name, services.GetRequiredService<ILoggerFactory>()));
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IQueueAdapter> CreateAdapter() => queues.CreateAdapter(CancellationToken.None);

    public Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken) => queues.CreateAdapter(cancellationToken);

    public IQueueAdapterCache GetQueueAdapterCache() => cache;

    public IStreamQueueMapper GetStreamQueueMapper() => queues.GetStreamQueueMapper();

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) => queues.GetDeliveryFailureHandler(queueId);
}
