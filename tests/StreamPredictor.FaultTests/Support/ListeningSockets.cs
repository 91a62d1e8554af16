using System.Globalization;
using System.Net;

namespace StreamPredictor.FaultTests.Support;

/// <summary>The addresses a port is listening on, read from the kernel's table (/proc/net/tcp), without connecting.</summary>
public static class ListeningSockets
{
    private const string Listen = "0A";

    public static IReadOnlyList<IPAddress> AddressesOf(int port) => File.ReadLines("/proc/net/tcp").Skip(1)
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Where(fields => fields[3] == Listen)
        .Select(fields => fields[1].Split(':'))
        .Where(local => int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
        .Select(local => new IPAddress(uint.Parse(local[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
        .ToList();
}
