using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Streaming.NATS.Hosting;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Client.Advanced;
using StreamPredictor.Connections.Services;

namespace StreamPredictor.Client.Cluster;

/// <summary>Registers <see cref="IStreamClient"/> for a cluster-profile deployment: Redis membership, NATS JetStream streams.</summary>
public static class StreamClusterClientExtensions
{
    /// <summary>
    /// Adds <see cref="IStreamClient"/> for a cluster-profile deployment: gateways come from the silos' Redis membership
    /// table and ticks are published straight to their NATS JetStream, as the silos do. <see cref="StreamClientOptions"/> and
    /// <see cref="StreamClusterClientOptions"/> are both bound from <c>Stream:Client</c>, then set by the delegates; they are
    /// checked when the host starts.
    /// </summary>
    /// <param name="builder">The application's host builder.</param>
    /// <param name="cluster">Sets the Redis and NATS settings in code, after configuration.</param>
    /// <param name="configure">Sets the client options in code, after configuration.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddStreamClusterClient(
        this IHostApplicationBuilder builder, Action<StreamClusterClientOptions>? cluster = null, Action<StreamClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddStreamClusterClient(builder.Configuration, cluster, configure);
        return builder;
    }

    /// <summary>The same for a service collection; <c>Stream:Client</c> is read from <paramref name="configuration"/> when given.</summary>
    /// <param name="services">The services to add to.</param>
    /// <param name="configuration">Configuration holding <c>Stream:Client</c>; null to bind nothing.</param>
    /// <param name="cluster">Sets the Redis and NATS settings in code, after configuration.</param>
    /// <param name="configure">Sets the client options in code, after configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddStreamClusterClient(
        this IServiceCollection services, IConfiguration? configuration = null, Action<StreamClusterClientOptions>? cluster = null, Action<StreamClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var clusterOptions = services.AddOptions<StreamClusterClientOptions>();
        if (configuration is not null)
        {
            clusterOptions.Bind(configuration.GetSection(StreamClientOptions.SectionName));
        }

        if (cluster is not null)
        {
            clusterOptions.Configure(cluster);
        }

        clusterOptions.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StreamClusterClientOptions>, StreamClusterClientOptionsValidator>());
        services.AddOptions<RedisClusteringOptions>().Configure<IOptions<StreamClusterClientOptions>>((redis, settings) =>
            redis.ConfigurationOptions = settings.Value.RedisAuth.Apply(settings.Value.Redis!));
        return services.AddStreamClient(
            client =>
            {
                client.UseRedisClustering(_ => { });
                client.AddNatsStreams(StreamNames.Provider, nats => nats
                    .ConfigureNats(o => o.Configure<IOptions<StreamClusterClientOptions>>((n, settings) =>
                    {
                        n.StreamName = StreamNames.JetStream;
                        n.PartitionCount = StreamNames.QueueCount;
                        n.NatsClientOptions = settings.Value.NatsAuth.Apply(settings.Value.NatsUrl);
                    }))
                    .ConfigurePartitioning(StreamNames.QueueCount));
                client.Services.AddRedactedNatsOptionsLogging();
                ClientTls.Use(client, configuration, configure);
            },
            options => options.BindStreamClientOptions(configuration, configure));
    }

    /// <summary>
    /// Points an Orleans client you build yourself at a cluster-profile deployment: Redis membership and the silos'
    /// NATS JetStream stream provider, so <c>OnNextAsync</c> publishes straight to NATS.
    /// </summary>
    /// <param name="client">The Orleans client builder.</param>
    /// <param name="redis">The silos' Redis, as a StackExchange.Redis configuration string.</param>
    /// <param name="natsUrl">The silos' NATS server, e.g. <c>nats://localhost:4222</c>.</param>
    /// <param name="redisAuth">Redis credentials and TLS, when the connection string does not carry them.</param>
    /// <param name="natsAuth">NATS credentials and TLS.</param>
    /// <returns>The client builder.</returns>
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
