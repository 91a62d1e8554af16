using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamPredictor.Client;
using StreamPredictor.Client.Hosting;
using StreamPredictor.Connections.Tls;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.FaultTests;

/// <summary>
/// A silo whose endpoints require mutual TLS with the deployment's own authority: a client with a certificate
/// from that authority reaches the grains; one without a certificate, with one from another authority, with an
/// expired one, or without TLS at all is refused. Certificates are made in the test.
/// </summary>
public sealed class TlsTests : IAsyncLifetime
{
    private static readonly TimeSpan RefusalDeadline = TimeSpan.FromSeconds(8);
    private readonly TestCertificates _certificates = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("stream-tls-");
    private TestCertificates.Authority _authority = null!;
    private IHost _silo = null!;
    private int _gatewayPort;

    public async Task InitializeAsync()
    {
        _authority = _certificates.CreateAuthority("stream-cluster");
        var silo = _authority.Issue("silo");
        var options = new StreamSiloOptions
        {
            DataDirectory = _data.FullName,
            SiloPort = 0,
            GatewayPort = 0,
            Tls = new EndpointTlsOptions { CertificateFile = silo.CertificateFile, KeyFile = silo.KeyFile, CaFile = _authority.CaFile, MutualTls = true },
        };
        _silo = EmbeddedSiloHost.Build(options, LogLevel.Critical);
        await _silo.StartAsync();
        _gatewayPort = options.GatewayPort;
    }

    public async Task DisposeAsync()
    {
        await _silo.StopAsync();
        _silo.Dispose();
        _data.Delete(recursive: true);
        _certificates.Dispose();
    }

    [Fact]
    public async Task A_client_with_a_certificate_from_the_cluster_authority_sends_ticks_that_land()
    {
        var client = _authority.Issue("client");
        using var host = await StartClientAsync(new EndpointTlsOptions { CaFile = _authority.CaFile, CertificateFile = client.CertificateFile, KeyFile = client.KeyFile }, TimeSpan.FromSeconds(30));
        var stream = host.Services.GetRequiredService<StreamClient>();

        var result = await stream.IngestAsync("TLS", TestTicks.Minutes(10));

        Assert.Equal(10, result.Stats.Accepted);
        Assert.Equal(10, (await stream.GetDaysAsync("TLS")).Single().Ticks);
    }

    [Fact]
    public async Task A_client_without_a_certificate_is_refused() =>
        await AssertRefusedAsync(new EndpointTlsOptions { CaFile = _authority.CaFile });

    [Fact]
    public async Task A_client_with_a_certificate_from_another_authority_is_refused()
    {
        var stranger = _certificates.CreateAuthority("someone-else").Issue("intruder");
        await AssertRefusedAsync(new EndpointTlsOptions { CaFile = _authority.CaFile, CertificateFile = stranger.CertificateFile, KeyFile = stranger.KeyFile });
    }

    [Fact]
    public async Task A_client_with_an_expired_certificate_is_refused()
    {
        var expired = _authority.Issue("expired", DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1));
        await AssertRefusedAsync(new EndpointTlsOptions { CaFile = _authority.CaFile, CertificateFile = expired.CertificateFile, KeyFile = expired.KeyFile });
    }

    [Fact]
    public async Task A_client_without_tls_is_refused() => await AssertRefusedAsync(new EndpointTlsOptions());

    [Fact]
    public async Task A_client_that_does_not_trust_the_silo_refuses_it()
    {
        var other = _certificates.CreateAuthority("other-cluster");
        var client = other.Issue("client-of-other");
        await AssertRefusedAsync(new EndpointTlsOptions { CaFile = other.CaFile, CertificateFile = client.CertificateFile, KeyFile = client.KeyFile });
    }

    private async Task AssertRefusedAsync(EndpointTlsOptions tls)
    {
        var failure = await Record.ExceptionAsync(async () =>
        {
            using var host = await StartClientAsync(tls, RefusalDeadline);
            await host.Services.GetRequiredService<StreamClient>().GetStatsAsync("TLS").WaitAsync(RefusalDeadline);
        });

        Assert.NotNull(failure);
    }

    private async Task<IHost> StartClientAsync(EndpointTlsOptions tls, TimeSpan connectTimeout)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddStreamClient(configure: o =>
        {
            o.Gateways.Add($"127.0.0.1:{_gatewayPort}");
            o.ConnectTimeout = connectTimeout;
            o.Tls = tls;
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
