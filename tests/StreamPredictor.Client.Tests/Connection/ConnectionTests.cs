using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace StreamPredictor.Client.Tests.Connection;

/// <summary>Connection settings are read when the host starts, not when the client is registered, and failures name the setting.</summary>
public sealed class ConnectionTests
{
    [Fact]
    public async Task A_malformed_gateway_fails_at_start_naming_the_setting_not_at_registration()
    {
        using var host = ClientHosts.Build("localhost:abc");

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Stream:Client:Gateways:0 'localhost:abc' is not HOST:PORT: the port 'abc' is not a number from 1 to 65535", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_host_that_does_not_resolve_fails_at_start_naming_the_setting()
    {
        using var host = ClientHosts.Build("no-such-host.invalid:30000", configure: o => o.ConnectTimeout = TimeSpan.FromSeconds(3));

        var e = await Assert.ThrowsAsync<StreamClientException>(() => host.StartAsync());

        Assert.Contains("Stream:Client:Gateways:0 'no-such-host.invalid:30000': cannot resolve host 'no-such-host.invalid'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_connect_timeout_counts_from_the_start_of_the_host_not_from_registration()
    {
        // Nothing listens on port 1. The host is built, then started well after the timeout would have run out had
        // it counted from registration: the client must still try for the whole timeout.
        var timeout = TimeSpan.FromSeconds(2);
        using var host = ClientHosts.Build("127.0.0.1:1", configure: o => o.ConnectTimeout = timeout);
        await Task.Delay(timeout + TimeSpan.FromSeconds(1));

        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<StreamClientException>(() => host.StartAsync());

        Assert.True(clock.Elapsed >= timeout, $"gave up {clock.Elapsed.TotalSeconds:F1} s after the start");
        Assert.Equal(StreamClientError.Unavailable, e.Error);
        Assert.Contains("Stream:Client:ConnectTimeout", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:30000", "localhost", 30000)]
    [InlineData("10.0.0.7", "10.0.0.7", 30000)]
    [InlineData("[::1]:30001", "::1", 30001)]
    [InlineData(" silo-0.silos:40000 ", "silo-0.silos", 40000)]
    public void Gateway_addresses_parse_as_HOST_PORT(string text, string host, int port)
    {
        Assert.True(GatewayAddress.TryParse(text, out var address, out var problem), problem);
        Assert.Equal(new GatewayAddress(host, port), address);
    }

    [Theory]
    [InlineData("localhost:abc", "the port 'abc' is not a number from 1 to 65535")]
    [InlineData("localhost:70000", "the port '70000' is not a number from 1 to 65535")]
    [InlineData(":30000", "the host is missing")]
    [InlineData("::1:30000", "write an IPv6 address in brackets, e.g. [::1]:30000")]
    [InlineData("[::1", "an IPv6 address needs a closing ']'")]
    public void Malformed_gateway_addresses_say_why(string text, string why)
    {
        Assert.False(GatewayAddress.TryParse(text, out _, out var problem));
        Assert.Equal(why, problem);
    }
}
