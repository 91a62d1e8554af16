using Orleans.Runtime;
using Orleans.Streams;

namespace StreamPredictor.Abstractions.Streams;

/// <summary>The one place that names the stream provider and its namespaces; every stream is keyed by symbol.</summary>
public static class StreamNames
{
    /// <summary>The provider name silos and clients register (memory streams embedded, NATS JetStream in a cluster).</summary>
    public const string Provider = "stream";

    /// <summary>The NATS JetStream stream that holds the provider's messages in a cluster (created by the provider).</summary>
    public const string JetStream = "stream";

    /// <summary>Queues of the persistent provider (NATS subject partitions); every silo and client must agree.</summary>
    public const int QueueCount = 8;

    /// <summary><see cref="Market.TickBatch"/> items, consumed by the market grain.</summary>
    public const string Ticks = "ticks";

    /// <summary><see cref="Market.DayEvent"/> items, consumed by the forecast grain.</summary>
    public const string Days = "days";

    /// <summary><see cref="Forecasting.Forecast"/> items, for subscribers.</summary>
    public const string Forecasts = "forecasts";

    /// <summary><see cref="Forecasting.Nowcast"/> items as the open day fills (throttled per symbol), for subscribers.</summary>
    public const string Nowcasts = "nowcasts";

    /// <summary><see cref="Forecasting.TrainingStatus"/> items while a model trains.</summary>
    public const string Training = "training";

    /// <summary>The stream of <paramref name="symbol"/> in <paramref name="streamNamespace"/> of <paramref name="provider"/>.</summary>
    public static IAsyncStream<T> Get<T>(IStreamProvider provider, string streamNamespace, string symbol) =>
        provider.GetStream<T>(StreamId.Create(streamNamespace, symbol));
}
