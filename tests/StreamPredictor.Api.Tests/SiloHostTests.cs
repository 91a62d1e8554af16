using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StreamPredictor.Api.Hosting;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.Api.Tests;

/// <summary>The silo process as src/Silo builds it from its arguments: no HTTP unless enabled, OTLP export either way, bad settings refused early.</summary>
public sealed class SiloHostTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("stream-silo-host-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task Without_http_enabled_nothing_listens_on_http_and_metrics_still_reach_an_otlp_collector()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        using var host = StreamHost.Build(
        [
            .. SiloArguments(),
            $"--Stream:Metrics:OtlpEndpoint={collector.Endpoint}",
            "--Stream:Metrics:OtlpProtocol=http",
            "--Stream:Metrics:ExportInterval=00:00:00.500",
        ]);
        Assert.Null(host.Services.GetService<IServer>());

        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IMarketGrain>("OTLP")
                .IngestAsync(new TickBatch("OTLP", TestTicks.Days(new DateOnly(2024, 9, 1), 2)));
            await Eventually.MatchesAsync("an OTLP export with the ticks counter", () => Task.FromResult(collector.Received("stream.ticks.accepted")), received => received);
        }
        finally
        {
            await host.StopAsync();
        }

        Assert.True(collector.Received("Microsoft.Orleans"));
    }

    [Fact]
    public async Task With_http_enabled_by_argument_the_silo_serves_health_on_the_configured_address()
    {
        var port = FreePort.Next();
        using var host = StreamHost.Build(
        [
            .. SiloArguments(),
            "--Stream:Http:Enabled=true",
            $"--Stream:Http:Port={port}",
            "--Stream:Http:Addresses:0=127.0.0.1",
        ]);

        await host.StartAsync();
        try
        {
            using var client = ApiSilo.ClientFor(new Uri($"http://127.0.0.1:{port}"), null);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/symbols")).StatusCode);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task With_a_certificate_the_api_speaks_https_only()
    {
        using var certificate = SelfSigned();
        var pfx = Path.Combine(_data.FullName, "api.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "secret"));
        using var host = StreamHost.BuildEmbedded(
            new StreamSiloOptions { DataDirectory = _data.FullName, SiloPort = 0, GatewayPort = 0 },
            ApiSilo.Settings([new("Stream:Http:CertificatePath", pfx), new("Stream:Http:CertificatePassword", "secret")]));

        await host.StartAsync();
        try
        {
            var address = ApiSilo.AddressOf(host);
            using var trusting = new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
            });
            using var secure = await trusting.GetAsync(new Uri($"https://127.0.0.1:{address.Port}/health/live"));
            using var plain = new HttpClient();

            Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
            await Assert.ThrowsAsync<HttpRequestException>(() => plain.GetAsync(new Uri($"http://127.0.0.1:{address.Port}/health/live")));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void Bad_http_settings_stop_the_silo_before_it_starts_naming_the_setting()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => StreamHost.Build(
        [
            .. SiloArguments(),
            "--Stream:Http:Enabled=true",
            "--Stream:Http:Addresses:0=all-interfaces",
            "--Stream:Http:ApiKeys:0:Name=ops",
            "--Stream:Http:ApiKeys:0:Hash=d41d8cd98f00b204e9800998ecf8427e",
            "--Stream:Http:ApiKeys:0:Scopes:0=stream:read",
        ]));

        Assert.Contains("Stream:Http:Addresses: 'all-interfaces' is neither an IP address nor 'localhost'", failure.Message);
        Assert.Contains("Stream:Http:ApiKeys:0: Hash: expected 'sha256:' and 64 hex digits", failure.Message);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
    }

    private string[] SiloArguments() =>
    [
        $"--Stream:Silo:DataDirectory={_data.FullName}",
        $"--Stream:Silo:SiloPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
        $"--Stream:Silo:GatewayPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
        "--Logging:LogLevel:Default=Warning",
    ];
}
