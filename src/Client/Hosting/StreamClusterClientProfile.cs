using Microsoft.Extensions.Hosting;
using Orleans.Streaming.NATS.Hosting;
using Microsoft.Extensions.DependencyInjection;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Connections.Services;

namespace StreamPredictor.Client.Hosting;

/// <summary>
/// A client of a cluster-profile deployment: gateways found through the silos' Redis membership table, and the
/// same NATS JetStream stream provider the silos use, so <c>OnNextAsync</c> publishes straight to NATS.
/// </summary>
public static class StreamClusterClientProfile
{
    /// <param name="redis">The silos' Redis, as a StackExchange.Redis configuration string.</param>
    /// <param name="natsUrl">The silos' NATS server, e.g. <c>nats://localhost:4222</c>.</param>
    /// <param name="redisAuth">Redis credentials and TLS, when the connection string does not carry them.</param>
    /// <param name="natsAuth">NATS credentials and TLS.</param>
    public static IClientBuilder UseStreamCluster(this IClientBuilder client, string redis, string natsUrl, RedisAuth? redisAuth = null, NatsAuth? natsAuth = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(redis);
        ArgumentException.ThrowIfNullOrWhiteSpace(natsUrl);
        var redisOptions = (redisAuth ?? new RedisAuth()).Apply(redis);
        var natsOptions = (natsAuth ?? new NatsAuth()).Apply(natsUrl);
        client.UseRedisClustering(clustering => clustering.ConfigurationOptions = redisOptions);
        client.AddNatsStreams(StreamNames.Provider, nats => nats
            .ConfigureNats(o => o.Configure(n =>
            {
                n.StreamName = StreamNames.JetStream;
                n.PartitionCount = StreamNames.QueueCount;
                n.NatsClientOptions = natsOptions;
            }))
            .ConfigurePartitioning(StreamNames.QueueCount));
        client.Services.AddRedactedNatsOptionsLogging();
        return client;
    }
}
