using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace StreamPredictor.Client.Advanced;

/// <summary>
/// The advanced entry point for an <see cref="IStreamClient"/> over an Orleans client that already exists: a silo's own
/// client (an app hosting the silo in-process), or a test cluster's. The Orleans client must know the stream provider
/// named <c>stream</c>.
/// </summary>
public static class StreamClientFactory
{
    /// <summary>Wraps <paramref name="cluster"/>; <paramref name="options"/> are checked as at a host's start.</summary>
    /// <param name="cluster">A started Orleans client (or a silo's <see cref="IClusterClient"/>).</param>
    /// <param name="options">Ingest and polling settings; the connection settings are not used.</param>
    /// <param name="loggerFactory">Where the client logs resends and failed calls; none when null.</param>
    /// <param name="timeProvider">The clock for deadlines and polling; the system clock when null.</param>
    /// <returns>The client.</returns>
    /// <exception cref="OptionsValidationException">An option is out of range; the message names it.</exception>
    public static IStreamClient Create(IClusterClient cluster, StreamClientOptions? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null) =>
        Create(cluster, options, loggerFactory, timeProvider, null);

    internal static IStreamClient Create(IClusterClient cluster, StreamClientOptions? options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, ITickBatchPublisher? publisher)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        options ??= new StreamClientOptions();
        var result = new StreamClientOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(StreamClientOptions), result.Failures);
        }

        var time = timeProvider ?? TimeProvider.System;
        return new StreamClient(
            cluster,
            Options.Create(options),
            new ClientLifetime(time),
            publisher ?? new StreamTickBatchPublisher(cluster),
            time,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<StreamClient>());
    }
}
