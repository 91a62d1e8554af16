using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Messaging;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Client.Advanced;

namespace StreamPredictor.Client;

/// <summary>Registers <see cref="IStreamClient"/> for a cluster reached through its silos' gateways.</summary>
public static class StreamClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IStreamClient"/> connected through silo gateways (<see cref="StreamClientOptions.Gateways"/>, by
    /// default <c>localhost:30000</c>). Options come from the <c>Stream:Client</c> configuration section, then
    /// <paramref name="configure"/>, then any <c>services.Configure&lt;StreamClientOptions&gt;</c>; they are checked and
    /// the gateway names resolved when the host starts, and connecting is retried until
    /// <see cref="StreamClientOptions.ConnectTimeout"/> has passed since then. Orleans logs only warnings and errors
    /// unless configuration says otherwise (<c>Logging:LogLevel:Orleans</c>). TLS to the gateways
    /// (<see cref="StreamClientOptions.Tls"/>) is read now, from configuration and <paramref name="configure"/>. For a cluster-profile deployment (Redis
    /// membership, NATS streams) use <c>AddStreamClusterClient</c> from <c>StreamPredictor.Client.Cluster</c>.
    /// </summary>
    /// <param name="builder">The application's host builder.</param>
    /// <param name="configure">Sets options in code, after configuration.</param>
    /// <returns>The builder.</returns>
    public static IHostApplicationBuilder AddStreamClient(this IHostApplicationBuilder builder, Action<StreamClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddGatewayClient(
            options =>
            {
                options.BindConfiguration(StreamClientOptions.SectionName);
                if (configure is not null)
                {
                    options.Configure(configure);
                }
            },
            client => ClientTls.Use(client, builder.Configuration, configure));
        return builder;
    }

    /// <summary>
    /// The same for a service collection without a host builder: <c>Stream:Client</c> is read from
    /// <paramref name="configuration"/> when given. Start the registered hosted services (or a host) to connect.
    /// </summary>
    /// <param name="services">The services to add to.</param>
    /// <param name="configuration">Configuration holding <c>Stream:Client</c>; null to bind nothing.</param>
    /// <param name="configure">Sets options in code, after configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddStreamClient(this IServiceCollection services, IConfiguration? configuration = null, Action<StreamClientOptions>? configure = null) =>
        services.AddGatewayClient(
            options => options.BindStreamClientOptions(configuration, configure),
            client => ClientTls.Use(client, configuration, configure));

    private static IServiceCollection AddGatewayClient(this IServiceCollection services, Action<OptionsBuilder<StreamClientOptions>> options, Action<IClientBuilder> tls)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StreamClientOptions>, GatewayListValidator>());
        return services.AddStreamClient(
            client =>
            {
                client.Services.AddSingleton<IGatewayListProvider, StreamGatewayListProvider>();
                client.AddMemoryStreams(StreamNames.Provider);
                tls(client);
            },
            options);
    }
}
