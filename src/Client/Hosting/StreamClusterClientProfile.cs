using Microsoft.Extensions.Hosting;
using NATS.Client.Core;
using Orleans.Streaming.NATS.Hosting;
using StreamPredictor.Abstractions.Streams;

namespace StreamPredictor.Client.Hosting;

/// <summary>
/// A client of a cluster-profile deployment: gateways found through the silos' Redis membership table, and the
/// same NATS JetStream stream provider the silos use, so <c>OnNextAsync</c> publishes straight to NATS.
/// </summary>
public static class StreamClusterClientProfile
{
    /// <param name="redis">The silos' Redis, as a StackExchange.Redis configuration string.</param>
    /// <param name="natsUrl">The silos' NATS server, e.g. <c>nats://localhost:4222</c>.</param>
    public static IClientBuilder UseStreamCluster(this IClientBuilder client, string redis, string natsUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(redis);
        ArgumentException.ThrowIfNullOrWhiteSpace(natsUrl);
        client.UseRedisClustering(redis);
        client.AddNatsStreams(StreamNames.Provider, nats => nats
            .ConfigureNats(o => o.Configure(n =>
            {
                n.StreamName = StreamNames.JetStream;
                n.PartitionCount = StreamNames.QueueCount;
                n.NatsClientOptions = NatsOpts.Default with { Url = natsUrl };
            }))
            .ConfigurePartitioning(StreamNames.QueueCount));
        return client;
    }
}
