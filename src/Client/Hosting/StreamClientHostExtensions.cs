using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Connections.Tls;

namespace StreamPredictor.Client.Hosting;

public static class StreamClientHostExtensions
{
    /// <summary>
    /// Adds an Orleans client for a Stream cluster and the <see cref="StreamClient"/> over it: through the given
    /// gateways with memory streams (an embedded silo), or through Redis membership with NATS streams (a cluster
    /// profile deployment, when <see cref="StreamClientOptions.Redis"/> is set). Options come from
    /// <c>Stream:Client</c>, then <paramref name="configure"/>. The client retries connecting until
    /// <see cref="StreamClientOptions.ConnectTimeout"/> has passed, waiting a second between tries.
    /// </summary>
    public static IHostApplicationBuilder AddStreamClient(this IHostApplicationBuilder builder, Action<StreamClientOptions>? configure = null)
    {
        builder.Services.AddStreamClient(builder.Configuration, configure);
        return builder;
    }

    /// <summary>The same for a plain service collection; <paramref name="configuration"/> may carry <c>Stream:Client</c>.</summary>
    public static IServiceCollection AddStreamClient(this IServiceCollection services, IConfiguration? configuration = null, Action<StreamClientOptions>? configure = null)
    {
        var options = new StreamClientOptions();
        configuration?.GetSection(StreamClientOptions.SectionName).Bind(options);
        options.ClusterId ??= configuration?["Orleans:ClusterId"];
        options.ServiceId ??= configuration?["Orleans:ServiceId"];
        configure?.Invoke(options);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddSingleton<StreamClient>();
        services.AddOrleansClient(client =>
        {
            if (options.ClusterId is not null || options.ServiceId is not null)
            {
                client.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = options.ClusterId ?? cluster.ClusterId;
                    cluster.ServiceId = options.ServiceId ?? cluster.ServiceId;
                });
            }

            if (options.Redis is { Length: > 0 } redis)
            {
                client.UseStreamCluster(redis, options.NatsUrl, options.RedisAuth, options.NatsAuth);
            }
            else
            {
                if (options.Gateways.Count == 0)
                {
                    client.UseLocalhostClustering(options.GatewayPort);
                }
                else
                {
                    client.UseStaticClustering([.. options.Gateways.Select(ParseEndpoint)]);
                }

                client.AddMemoryStreams(StreamNames.Provider);
            }

            if (options.Tls.IsEnabled)
            {
                client.UseStreamTls(options.Tls, $"{StreamClientOptions.SectionName}:Tls");
            }

            var deadline = DateTime.UtcNow + options.ConnectTimeout;
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                if (DateTime.UtcNow >= deadline)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            });
        });
        return services;
    }

    /// <summary>Parses HOST:PORT (a name or an address); the port defaults to 30000.</summary>
    public static IPEndPoint ParseEndpoint(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        var host = colon < 0 ? endpoint : endpoint[..colon];
        var port = colon < 0 ? 30000 : int.Parse(endpoint[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var address = IPAddress.TryParse(host, out var ip) ? ip : Dns.GetHostAddresses(host).First(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
        return new IPEndPoint(address, port);
    }
}
