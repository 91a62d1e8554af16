using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NATS.Client.Core;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.Streaming.NATS.Hosting;
using StackExchange.Redis;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Grains.Storage;

namespace StreamPredictor.Grains.Hosting;

/// <summary>
/// The cluster profile: any number of silos sharing one Redis (membership, grain state, pub-sub state,
/// reminders) and one NATS server with JetStream (the stream provider, which creates its JetStream stream
/// and durable consumers on first start). The advertised address comes from Orleans' own configuration,
/// <c>Orleans:Endpoints:AdvertisedIPAddress</c>, else the host's first IPv4 address; the cluster's identity
/// from <c>Orleans:ClusterId</c> and <c>Orleans:ServiceId</c>.
/// </summary>
public static class StreamClusterProfile
{
    public static ISiloBuilder UseStreamCluster(this ISiloBuilder silo, StreamSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        silo.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.SiloPort = options.SiloPort;
            endpoints.GatewayPort = options.GatewayPort;
        });

        silo.UseRedisClustering(options.Redis);
        silo.AddRedisStorage(StorageNames.Default, options.Redis);
        silo.AddRedisStorage(StorageNames.PubSub, options.Redis);
        silo.UseRedisReminderService(reminders => reminders.ConfigurationOptions = ConfigurationOptions.Parse(options.Redis));

        silo.AddNatsStreams(StreamNames.Provider, nats => nats
            .ConfigureNats(o => o.Configure(n =>
            {
                n.StreamName = StreamNames.JetStream;
                n.PartitionCount = StreamNames.QueueCount;
                n.NatsClientOptions = NatsOpts.Default with { Url = options.NatsUrl };
            }))
            .ConfigurePartitioning(StreamNames.QueueCount));
        return silo.AddStreamGrains(options);
    }

    /// <summary>Redis grain storage holding state in Orleans' binary format, as the SQLite store does (ids, not names).</summary>
    private static void AddRedisStorage(this ISiloBuilder silo, string name, string redis) =>
        silo.AddRedisGrainStorage(name, storage => storage.Configure<Serializer>((o, serializer) =>
        {
            o.ConfigurationOptions = ConfigurationOptions.Parse(redis);
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
}
