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
        silo.Services.AddSingleton<StreamMetrics>();
        silo.Services.AddOptions<MarketOptions>().BindConfiguration(MarketOptions.SectionName)
            .Validate(o => o.AllowedLatenessDays >= 0, "Stream:Market:AllowedLatenessDays must not be negative").ValidateOnStart();
        return silo;
    }

    /// <summary>The embedded profile: one local silo, memory streams, durable state in a SQLite file.</summary>
    public static ISiloBuilder UseStreamEmbedded(this ISiloBuilder silo, StreamSiloOptions options)
    {
        silo.AddEmbeddedEndpoints(options);
        silo.Services.AddSqliteGrainStorage(StorageNames.Default, Path.Combine(options.DataDirectory, "stream.db"));
        silo.AddMemoryGrainStorage(StorageNames.PubSub);
        silo.AddMemoryStreams(StreamNames.Provider);
        silo.UseInMemoryReminderService();
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
