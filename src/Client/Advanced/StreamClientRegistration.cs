using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace StreamPredictor.Client.Advanced;

/// <summary>
/// The advanced entry point for registering <see cref="IStreamClient"/> over an Orleans client you connect yourself
/// (other clustering, other stream providers). Most apps call <c>AddStreamClient</c> instead; the cluster-profile
/// package (<c>StreamPredictor.Client.Cluster</c>) builds on this.
/// </summary>
public static class StreamClientRegistration
{
    /// <summary>
    /// Registers <see cref="IStreamClient"/>, its options (set by <paramref name="options"/>, for instance bound from
    /// <c>Stream:Client</c>; checked at start), quiet Orleans logging and an Orleans client that
    /// <paramref name="connect"/> points at the cluster (clustering and a stream provider named <c>stream</c>).
    /// </summary>
    /// <param name="services">The services to add to.</param>
    /// <param name="connect">Configures how the Orleans client finds the cluster and its streams.</param>
    /// <param name="options">Binds and configures the options, in the order they should apply.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddStreamClient(
        this IServiceCollection services,
        Action<IClientBuilder> connect,
        Action<OptionsBuilder<StreamClientOptions>>? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connect);
        var builder = services.AddOptions<StreamClientOptions>();
        options?.Invoke(builder);
        AddCore(services, builder, connect);
        return services;
    }

    /// <summary>Binds <c>Stream:Client</c> from <paramref name="configuration"/> when given, else from the configuration in the services when there is one; then applies <paramref name="configure"/>.</summary>
    /// <param name="options">The options builder.</param>
    /// <param name="configuration">Configuration holding <c>Stream:Client</c>, or null.</param>
    /// <param name="configure">Sets options in code, after configuration.</param>
    /// <returns>The options builder.</returns>
    public static OptionsBuilder<StreamClientOptions> BindStreamClientOptions(
        this OptionsBuilder<StreamClientOptions> options, IConfiguration? configuration, Action<StreamClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(StreamClientOptions.SectionName));
        }
        else
        {
            options.Configure<IServiceProvider>((o, provider) => provider.GetService<IConfiguration>()?.GetSection(StreamClientOptions.SectionName).Bind(o));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        return options;
    }

    private static void AddCore(IServiceCollection services, OptionsBuilder<StreamClientOptions> options, Action<IClientBuilder> connect)
    {

        options.PostConfigure<IServiceProvider>((o, provider) =>
        {
            var settings = provider.GetService<IConfiguration>();
            o.ClusterId ??= settings?["Orleans:ClusterId"];
            o.ServiceId ??= settings?["Orleans:ServiceId"];
        });
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StreamClientOptions>, StreamClientOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        if (!services.Any(s => s.ServiceType == typeof(ClientLifetime)))
        {
            services.AddSingleton(provider => new ClientLifetime(provider.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<ClientLifetime>());
        }

        services.TryAddSingleton<ITickBatchPublisher, StreamTickBatchPublisher>();
        services.TryAddSingleton<IStreamClient, StreamClient>();
        services.Configure<LoggerFilterOptions>(QuietLogging.Apply);
        services.AddOptions<ClusterOptions>().Configure<IOptions<StreamClientOptions>>((cluster, client) =>
        {
            cluster.ClusterId = client.Value.ClusterId ?? cluster.ClusterId;
            cluster.ServiceId = client.Value.ServiceId ?? cluster.ServiceId;
        });
        services.AddOrleansClient(client =>
        {
            client.Services.AddSingleton<IClientConnectionRetryFilter, ConnectRetryFilter>();
            connect(client);
        });
    }
}
