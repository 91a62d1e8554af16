using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.FaultTests;

/// <summary>Which interfaces a silo's ports are bound to, read from the kernel's socket table.</summary>
public sealed class EndpointTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("stream-endpoints-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task An_embedded_silo_listens_on_loopback_only_by_default()
    {
        var options = new StreamSiloOptions { DataDirectory = _data.FullName, SiloPort = 0, GatewayPort = 0 };
        using var silo = EmbeddedSiloHost.Build(options, LogLevel.Critical);
        await silo.StartAsync();
        try
        {
            Assert.Equal([IPAddress.Loopback], ListeningSockets.AddressesOf(options.SiloPort));
            Assert.Equal([IPAddress.Loopback], ListeningSockets.AddressesOf(options.GatewayPort));
        }
        finally
        {
            await silo.StopAsync();
        }
    }

    [Fact]
    public async Task A_configured_listen_address_is_the_only_one_bound()
    {
        var only = IPAddress.Parse("127.0.0.2");
        var options = new StreamSiloOptions { DataDirectory = _data.FullName, SiloPort = 0, GatewayPort = 0, ListenAddress = "127.0.0.2" };
        using var silo = EmbeddedSiloHost.Build(options, LogLevel.Critical);
        await silo.StartAsync();
        try
        {
            Assert.Equal([only], ListeningSockets.AddressesOf(options.SiloPort));
            Assert.Equal([only], ListeningSockets.AddressesOf(options.GatewayPort));
            Assert.False(await Loopback.AcceptsAsync(options.GatewayPort, IPAddress.Loopback));
            Assert.True(await Loopback.AcceptsAsync(options.GatewayPort, only));
        }
        finally
        {
            await silo.StopAsync();
        }
    }

    [Fact]
    public void A_listen_address_that_is_not_an_address_is_refused_with_the_setting_named()
    {
        var options = new StreamSiloOptions { DataDirectory = _data.FullName, SiloPort = 0, GatewayPort = 0, ListenAddress = "localhost" };

        var failure = Assert.ThrowsAny<Exception>(() => EmbeddedSiloHost.Build(options, LogLevel.Critical));

        Assert.Contains("Stream:Silo:ListenAddress 'localhost' is not an IP address", failure.GetBaseException().Message, StringComparison.Ordinal);
    }
}
