using System.Runtime.InteropServices;

namespace StreamPredictor.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM as a cancellation token, for a command that must stop in order: the signal cancels
/// <see cref="Token"/> instead of ending the process, and the command says what it did before it exits.
/// </summary>
public sealed class InterruptSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public InterruptSignals(CancellationToken cancellationToken)
    {
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
    }

    /// <summary>Cancelled by the caller's token or by a signal.</summary>
    public CancellationToken Token => _cancel.Token;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _cancel.Dispose();
    }

    private void Cancel(PosixSignalContext context)
    {
        context.Cancel = true;

        // Off the signal thread: cancellation callbacks run the command's own clean-up.
        _ = _cancel.CancelAsync();
    }
}
