using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StreamPredictor.Api.Hosting;
using StreamPredictor.Api.Security;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.Api.Tests.Support;

/// <summary>
/// A real embedded-profile silo (SQLite in a temporary folder, memory streams) with the HTTP API on Kestrel on a free
/// loopback port, configured with the test keys, a JWT signing key and the dashboard's trace on.
/// </summary>
public sealed class ApiSilo : IAsyncLifetime
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("stream-api-");

    public IHost Host { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => Host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>Settings every test silo gets; a test adds or overrides with <paramref name="extra"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings(IEnumerable<KeyValuePair<string, string?>>? extra = null) =>
    [
        new("Stream:Http:Port", "0"),
        new("Stream:Http:Addresses:0", "127.0.0.1"),
        new("Stream:Http:DashboardTrace", "true"),
        new("Stream:Http:MaxIngestBodyBytes", (8 << 20).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Stream:Http:RateLimit:Period", "01:00:00"),
        new("Stream:Http:RateLimit:PermitsPerPeriod", "1000000"),
        .. TestKeys.Settings(),
        .. TestTokens.Settings(),
        .. extra ?? [],
    ];

    public async Task InitializeAsync()
    {
        Host = StreamHost.BuildEmbedded(new StreamSiloOptions { DataDirectory = _data.FullName, SiloPort = 0, GatewayPort = 0 }, Settings());
        await Host.StartAsync();
        BaseAddress = AddressOf(Host);
    }

    public async Task DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Host.StopAsync(timeout.Token);
        Host.Dispose();
        _data.Delete(recursive: true);
    }

    /// <summary>The address Kestrel bound (the port was 0: a free one).</summary>
    public static Uri AddressOf(IHost host) =>
        new(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A client sending <paramref name="apiKey"/> in <c>X-Api-Key</c>; none when null.</summary>
    public HttpClient Client(string? apiKey = null) => ClientFor(BaseAddress, apiKey);

    public HttpClient BearerClient(string token)
    {
        var client = ClientFor(BaseAddress, null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static HttpClient ClientFor(Uri baseAddress, string? apiKey)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, apiKey);
        }

        return client;
    }
}
