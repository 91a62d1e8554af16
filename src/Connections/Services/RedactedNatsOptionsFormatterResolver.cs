using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Streaming.NATS;

namespace StreamPredictor.Connections.Services;

/// <summary>Hands Orleans' options logger the <see cref="RedactedNatsOptionsFormatter"/> for every NATS provider.</summary>
public sealed class RedactedNatsOptionsFormatterResolver(IOptionsMonitor<NatsOptions> options) : IOptionFormatterResolver<NatsOptions>
{
    public IOptionFormatter<NatsOptions> Resolve(string name) => new RedactedNatsOptionsFormatter(name, options.Get(name));
}
