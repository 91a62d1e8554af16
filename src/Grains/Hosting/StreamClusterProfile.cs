using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.Streaming.NATS.Hosting;
using StackExchange.Redis;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Connections.Services;
using StreamPredictor.Grains.Storage;

namespace StreamPredictor.Grains.Hosting;

/// <summary>
/// The cluster profile: any number of silos sharing one Redis (membership, grain state, pub-sub state,
/// reminders) and one NATS server with JetStream (the stream provider, which creates its JetStream stream
/// and durable consumers on first start). The advertised address comes from Orleans' own configuration,
/// <c>Orleans:Endpoints:AdvertisedIPAddress</c>, else the host's first IPv4 address; the cluster's identity
/// from <c>Orleans:ClusterId</c> and <c>Orleans:ServiceId</c>. The silo waits for Redis and NATS before it
/// starts (<see cref="ServiceDependencyGate"/>), and its Redis connections keep retrying when Redis restarts.
/// </summary>
public static class StreamClusterProfile
{
    public static ISiloBuilder UseStreamCluster(this ISiloBuilder silo, StreamSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var redis = options.RedisAuth.Apply(options.Redis, keepConnecting: true);
        var nats = options.NatsAuth.Apply(options.NatsUrl);
        silo.AddClusterEndpoints(options);

        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => new ServiceDependencyGate(
            redis, nats, options.DependencyRetryMax, services.GetRequiredService<ILogger<ServiceDependencyGate>>()));

        silo.UseRedisClustering(clustering => clustering.ConfigurationOptions = redis.Clone());
        silo.AddRedisStorage(StorageNames.Default, redis);
        silo.AddRedisStorage(StorageNames.PubSub, redis);
        silo.UseRedisReminderService(reminders => reminders.ConfigurationOptions = redis.Clone());

        silo.AddNatsStreams(StreamNames.Provider, provider => provider
            .ConfigureNats(o => o.Configure(n =>
            {
                n.StreamName = StreamNames.JetStream;
                n.PartitionCount = StreamNames.QueueCount;
                n.NatsClientOptions = nats;
            }))
            .ConfigurePartitioning(StreamNames.QueueCount));
        silo.Services.AddRedactedNatsOptionsLogging();
        if (options.Kubernetes)
        {
            silo.UseKubernetesHosting();
        }

        return silo.AddStreamGrains(options);
    }

    /// <summary>Redis grain storage holding state in Orleans' binary format, as the SQLite store does (ids, not names).</summary>
    private static void AddRedisStorage(this ISiloBuilder silo, string name, ConfigurationOptions redis) =>
        silo.AddRedisGrainStorage(name, storage => storage.Configure<Serializer>((o, serializer) =>
        {
            o.ConfigurationOptions = redis.Clone();
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
}
