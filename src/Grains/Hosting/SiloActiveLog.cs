using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace StreamPredictor.Grains.Hosting;

/// <summary>
/// One line when the silo has joined its cluster and serves clients, the signal operators and the fault tests
/// wait for (Orleans opens its listening sockets before that, so an accepting port proves nothing).
/// </summary>
public sealed partial class SiloActiveLog(IOptions<EndpointOptions> endpoints, ILogger<SiloActiveLog> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloActiveLog), ServiceLifecycleStage.Active + 1, _ =>
        {
            LogActive(endpoints.Value.SiloPort, endpoints.Value.GatewayPort);
            return Task.CompletedTask;
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Stream silo active: silo port {SiloPort}, gateway port {GatewayPort}")]
    private partial void LogActive(int siloPort, int gatewayPort);
}
