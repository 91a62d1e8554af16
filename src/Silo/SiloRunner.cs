using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StreamPredictor.Silo;

/// <summary>
/// Runs the silo host until it is told to stop. A start that fails because Redis or NATS went away while the
/// silo was starting is logged in one line and tried again with a fresh host; any other failure (a bad setting)
/// ends the process with one line on standard error and exit code 2, never a stack trace.
/// </summary>
public static partial class SiloRunner
{
    private static readonly TimeSpan RetryWait = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(Func<IHost> build)
    {
        using var stopping = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => stopping.Cancel());
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => stopping.Cancel());
        for (var attempt = 1; ; attempt++)
        {
            IHost host;
            try
            {
                host = build();
            }
            catch (Exception e)
            {
                return Fail(e);
            }

            using (host)
            {
                try
                {
                    await host.StartAsync(stopping.Token);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return 0;
                }
                catch (Exception e) when (StartupFailure.ServiceLost(e) is { } service)
                {
                    LogStartFailed(Logger(host), service, attempt, StartupFailure.Describe(e), RetryWait.TotalSeconds);
                    await StopQuietlyAsync(host);
                    if (!await DelayAsync(RetryWait, stopping.Token))
                    {
                        return 0;
                    }

                    continue;
                }
                catch (Exception e)
                {
                    await StopQuietlyAsync(host);
                    return Fail(e);
                }

                await host.WaitForShutdownAsync(stopping.Token);
                return 0;
            }
        }
    }

    private static int Fail(Exception e)
    {
        Console.Error.WriteLine($"stream-silo: error: {StartupFailure.Describe(e)}");
        return 2;
    }

    private static ILogger Logger(IHost host) =>
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SiloRunner).FullName!);

    private static async Task StopQuietlyAsync(IHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await host.StopAsync(timeout.Token);
        }
        catch (Exception)
        {
            // The host never finished starting; whatever it holds is released when it is disposed.
        }
    }

    private static async Task<bool> DelayAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(wait, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo start {Attempt} failed: {Service} stopped answering while the silo started ({Reason}); starting again in {Seconds} s")]
    private static partial void LogStartFailed(ILogger logger, string service, int attempt, string reason, double seconds);
}
