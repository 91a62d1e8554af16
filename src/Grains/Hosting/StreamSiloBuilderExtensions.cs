using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Grains.Placement;
using StreamPredictor.Grains.Storage;
using StreamPredictor.Grains.Telemetry;

namespace StreamPredictor.Grains.Hosting;

/// <summary>Everything a Stream silo needs, for the Silo host, the CLI's embedded silo and test clusters alike.</summary>
public static class StreamSiloBuilderExtensions
{
    /// <summary>The grains' options and services, whatever the profile.</summary>
    public static ISiloBuilder AddStreamGrains(this ISiloBuilder silo, StreamSiloOptions options)
    {
        silo.AddAcceleratorPlacement(SiloAccelerator.Resolve(options.Accelerator));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SiloActiveLog>();
        silo.Services.AddMetrics();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddKeyedSingleton(ForecastOptions.NowcastClockKey, TimeProvider.System);
        silo.Services.AddSingleton<StreamMetrics>();
        silo.Services.AddOptions<MarketOptions>().BindConfiguration(MarketOptions.SectionName)
            .Validate(o => o.AllowedLatenessDays >= 0, "Stream:Market:AllowedLatenessDays must not be negative")
            .Validate(o => o.MaxFutureSkew >= TimeSpan.Zero, "Stream:Market:MaxFutureSkew must not be negative")
            .Validate(o => o.ProducerSoftCap > 0, "Stream:Market:ProducerSoftCap must be positive")
            .Validate(o => o.ProducerIdleTimeout > TimeSpan.Zero, "Stream:Market:ProducerIdleTimeout must be positive")
            .Validate(o => o.RetryPeriod > TimeSpan.Zero, "Stream:Market:RetryPeriod must be positive")
            .ValidateOnStart();
        silo.Services.AddOptions<ForecastOptions>().BindConfiguration(ForecastOptions.SectionName)
            .Validate(o => o.ModelCheckPeriod > TimeSpan.Zero, "Stream:Forecast:ModelCheckPeriod must be positive")
            .Validate(o => o.NowcastPublishInterval >= TimeSpan.Zero, "Stream:Forecast:NowcastPublishInterval must not be negative")
            .ValidateOnStart();
        return silo;
    }

    /// <summary>The embedded profile: one local silo, memory streams with a bounded cache, durable state in a SQLite file.</summary>
    public static ISiloBuilder UseStreamEmbedded(this ISiloBuilder silo, StreamSiloOptions options)
    {
        silo.AddEmbeddedEndpoints(options);
        silo.Services.AddSqliteGrainStorage(StorageNames.Default, Path.Combine(options.DataDirectory, "stream.db"), options.SqliteSynchronous);
        silo.AddMemoryGrainStorage(StorageNames.PubSub);
        silo.AddBoundedMemoryStreams(StreamNames.Provider, options.MemoryStreamCacheSize);
        silo.UseSqliteReminderService(Path.Combine(options.DataDirectory, "stream.db"));
        return silo.AddStreamGrains(options);
    }

    /// <summary>Reads <see cref="StreamSiloOptions"/> and applies the profile it names.</summary>
    public static ISiloBuilder UseStream(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(StreamSiloOptions.SectionName).Get<StreamSiloOptions>() ?? new StreamSiloOptions();
        return options.Profile switch
        {
            "embedded" => silo.UseStreamEmbedded(options),
            "cluster" => silo.UseStreamCluster(options),
            _ => throw new InvalidOperationException($"{StreamSiloOptions.SectionName}:Profile '{options.Profile}' is unknown; use 'embedded' or 'cluster'"),
        };
    }
}
