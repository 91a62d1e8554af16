using System.Globalization;

namespace StreamPredictor.Client;

/// <summary>
/// A silo gateway as configured: <c>HOST:PORT</c>, where HOST is a name, an IPv4 address or a bracketed IPv6 address
/// (<c>[::1]:30000</c>); the port defaults to 30000. Names are resolved when the client connects, not when parsed.
/// </summary>
/// <param name="Host">The host name or address, without brackets.</param>
/// <param name="Port">The gateway port, 1 to 65535.</param>
public readonly record struct GatewayAddress(string Host, int Port)
{
    /// <summary>The port a gateway address without one gets: the silo's default gateway port.</summary>
    public const int DefaultPort = 30000;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="problem"/> says why in a few words.</summary>
    /// <param name="text">The address, e.g. <c>localhost:30000</c>.</param>
    /// <param name="address">The parsed address.</param>
    /// <param name="problem">Why it is not an address; null on success.</param>
    /// <returns>Whether <paramref name="text"/> is an address.</returns>
    public static bool TryParse(string? text, out GatewayAddress address, out string? problem)
    {
        address = default;
        var value = text?.Trim() ?? string.Empty;
        string host;
        string? port = null;
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                problem = "an IPv6 address needs a closing ']'";
                return false;
            }

            host = value[1..close];
            var rest = value[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    problem = $"'{rest}' after the address; expected ':PORT'";
                    return false;
                }

                port = rest[1..];
            }
        }
        else
        {
            var colon = value.LastIndexOf(':');
            if (colon >= 0 && value.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                problem = "write an IPv6 address in brackets, e.g. [::1]:30000";
                return false;
            }

            host = colon < 0 ? value : value[..colon];
            port = colon < 0 ? null : value[(colon + 1)..];
        }

        if (host.Length == 0 || host.Any(char.IsWhiteSpace))
        {
            problem = host.Length == 0 ? "the host is missing" : $"the host '{host}' contains a space";
            return false;
        }

        var number = DefaultPort;
        if (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 65535))
        {
            problem = $"the port '{port}' is not a number from 1 to 65535";
            return false;
        }

        address = new GatewayAddress(host, number);
        problem = null;
        return true;
    }

    /// <summary><c>HOST:PORT</c>, with an IPv6 address in brackets.</summary>
    public override string ToString()
    {
        var port = Port.ToString(CultureInfo.InvariantCulture);
        return Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{port}" : $"{Host}:{port}";
    }
}
