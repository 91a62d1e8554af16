using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StreamPredictor.Client;
using StreamPredictor.Sources.Bitstamp;
using StreamPredictor.Sources.Monitoring;

namespace StreamPredictor.Sources.Hosting;

public static class LiveServiceCollectionExtensions
{
    /// <summary>
    /// Live ingestion from <c>Stream:Live</c>: the source factory, the <c>StreamPredictor.Sources</c> meter and the
    /// hosted worker that runs the configured feeds. In a silo, add it after <c>UseOrleans</c> so the silo is up
    /// first; the feeds publish through a <see cref="StreamClient"/> over the silo's own cluster client.
    /// </summary>
    public static IServiceCollection AddStreamLive(this IServiceCollection services)
    {
        services.AddStreamSources();
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LiveOptions>, LiveOptionsValidator>());
        services.TryAddSingleton(sp => new StreamClient(sp.GetRequiredService<IClusterClient>(), Options.Create(new StreamClientOptions())));
        services.AddHostedService<LiveIngestionWorker>();
        return services;
    }

    /// <summary>The sources alone (factory, Bitstamp options from <c>Stream:Live:Bitstamp</c>, meter, clock), for hosts that run them themselves.</summary>
    public static IServiceCollection AddStreamSources(this IServiceCollection services)
    {
        services.AddOptions<BitstampOptions>().BindConfiguration(BitstampOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BitstampOptions>, LiveOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SourceMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<SourceFactory>();
        return services;
    }
}
