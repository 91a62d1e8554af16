using Microsoft.Extensions.Hosting;

namespace StreamPredictor.Cli;

/// <summary>
/// The lifetime of a host that a command starts and stops itself: it does not listen for Ctrl-C (the default
/// console lifetime would take the signal and stop the host in the background); the command line does, and
/// cancels the command, which then stops its host in order.
/// </summary>
public sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
