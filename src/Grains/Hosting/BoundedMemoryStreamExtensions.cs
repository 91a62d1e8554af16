using Orleans.Configuration;

namespace StreamPredictor.Grains.Hosting;

public static class BoundedMemoryStreamExtensions
{
    /// <summary>Memory streams whose agents cache at most <paramref name="cacheSize"/> batches per queue (<see cref="BoundedMemoryStreamAdapterFactory"/>).</summary>
    public static ISiloBuilder AddBoundedMemoryStreams(this ISiloBuilder silo, string name, int cacheSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cacheSize, 10);
        return silo.AddPersistentStreams(name, BoundedMemoryStreamAdapterFactory.Create, stream => stream
            .Configure<SimpleQueueCacheOptions>(cache => cache.Configure(o => o.CacheSize = cacheSize)));
    }
}
