using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StreamPredictor.FaultTests.Support;

public static class Loopback
{
    /// <summary>Waits until something accepts TCP connections on the loopback port.</summary>
    public static async Task WaitUntilListeningAsync(string what, int port, TimeSpan deadline, ChildProcess? owner = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (owner is { HasExited: true })
            {
                throw new InvalidOperationException($"{what} exited ({owner.ExitCode}) before listening on {port}:\n{owner.Tail()}");
            }

            if (await AcceptsAsync(port))
            {
                return;
            }

            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"{what} did not listen on {port} within {deadline.TotalSeconds:0} s" + (owner is null ? "" : $":\n{owner.Tail()}"));
            }

            await Task.Delay(50);
        }
    }

    public static async Task<bool> AcceptsAsync(int port, IPAddress? address = null)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(address ?? IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
