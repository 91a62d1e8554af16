using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Streaming.NATS;

namespace StreamPredictor.Connections.Services;

public static class ServiceConnectionExtensions
{
    /// <summary>
    /// Replaces the NATS provider's options formatter with one that logs no secret. Call after the provider is
    /// added: the last registered resolver is the one Orleans' options logger uses.
    /// </summary>
    public static IServiceCollection AddRedactedNatsOptionsLogging(this IServiceCollection services) =>
        services.AddSingleton<IOptionFormatterResolver<NatsOptions>, RedactedNatsOptionsFormatterResolver>();
}
