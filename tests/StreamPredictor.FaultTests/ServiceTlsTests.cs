using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamPredictor.Client;
using StreamPredictor.Client.Hosting;
using StreamPredictor.Connections.Services;

namespace StreamPredictor.FaultTests;

/// <summary>
/// Redis and NATS that speak only TLS (NATS also requires a client certificate): a silo process and a client
/// configured with the authority (and NATS client certificate) through RedisAuth and NatsAuth reach them and
/// ticks land; a silo configured without TLS waits for NATS instead of starting.
/// </summary>
public sealed class ServiceTlsTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("stream-service-tls-");
    private readonly TestCertificates _certificates = new();
    private readonly string _clusterId = "tls-" + Guid.NewGuid().ToString("N")[..8];
    private TestCertificates.Authority _authority = null!;
    private TestCertificates.PemPair _client = null!;
    private RedisServer _redis = null!;
    private NatsServer _nats = null!;

    public async Task InitializeAsync()
    {
        _authority = _certificates.CreateAuthority("services");
        var server = _authority.Issue("server");
        _client = _authority.Issue("stream-client");
        var tls = new ServerTls(server.CertificateFile, server.KeyFile, _authority.CaFile);
        _redis = new RedisServer(Path.Combine(_directory.FullName, "redis"), tls: tls);
        _nats = new NatsServer(Path.Combine(_directory.FullName, "nats"), tls: tls);
        await _redis.StartAsync();
        await _nats.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _nats.DisposeAsync();
        await _redis.DisposeAsync();
        _certificates.Dispose();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_silo_and_a_client_with_the_services_authority_reach_redis_and_nats_over_tls()
    {
        await using var silo = SiloProcess.Start("silo", _clusterId, _redis.Connection, _nats.Url, new Dictionary<string, string>
        {
            ["Stream__Silo__RedisAuth__CaFile"] = _authority.CaFile,
            ["Stream__Silo__NatsAuth__CaFile"] = _authority.CaFile,
            ["Stream__Silo__NatsAuth__CertFile"] = _client.CertificateFile,
            ["Stream__Silo__NatsAuth__KeyFile"] = _client.KeyFile,
        });
        await silo.WaitUntilActiveAsync(Deadline);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddStreamClient(configure: o =>
        {
            o.Redis = _redis.Connection;
            o.NatsUrl = _nats.Url;
            o.ClusterId = _clusterId;
            o.ServiceId = _clusterId;
            o.RedisAuth = new RedisAuth { CaFile = _authority.CaFile };
            o.NatsAuth = new NatsAuth { CaFile = _authority.CaFile, CertFile = _client.CertificateFile, KeyFile = _client.KeyFile };
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var result = await host.Services.GetRequiredService<StreamClient>().IngestAsync("TLS", TestTicks.Minutes(10)).WaitAsync(Deadline);
            Assert.Equal(10, result.Stats.Accepted);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_silo_without_the_tls_settings_waits_for_the_services_instead_of_starting()
    {
        await using var silo = SiloProcess.Start("silo", _clusterId, _redis.Connection, _nats.Url);

        await silo.Process.WaitForLineAsync("a wait for Redis", l => l.Contains("waits for Redis at", StringComparison.Ordinal), Deadline);

        Assert.False(silo.Process.HasExited, silo.Process.Tail());
        Assert.False(silo.IsActive, "the silo became active without Redis and NATS");
    }
}
