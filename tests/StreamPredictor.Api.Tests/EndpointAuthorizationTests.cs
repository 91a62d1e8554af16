using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using StreamPredictor.Api.Security;
using Xunit.Abstractions;

namespace StreamPredictor.Api.Tests;

/// <summary>
/// Every endpoint the app maps, taken from its endpoint data source (so a new one cannot be left out), is called over
/// real HTTP: without credentials, with an unknown key, with a key lacking its scope, and with its scope by key and by
/// token. Only health and the OpenAPI document answer without credentials.
/// </summary>
[Collection(ApiSiloCollection.Name)]
public sealed class EndpointAuthorizationTests(ApiSilo silo, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Symbol = "AUTH-SAMPLE";
    private const string Read = StreamScopes.Read;
    private const string Write = StreamScopes.Write;

    public async Task InitializeAsync()
    {
        using var writer = silo.Client(TestKeys.Writer);
        // Enough closed days for the training sample to be a request the trainer accepts (mlp-seed, 60 held out).
        var response = await writer.PostAsync($"/api/symbols/{Symbol}/ticks", TestTicks.Json(TestTicks.Days(new DateOnly(2024, 1, 3).AddDays(-129), 130)));
        response.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Every_mapped_endpoint_has_a_sample_request()
    {
        var mapped = MappedEndpoints();
        var samples = Samples().Select(s => s.Key).ToHashSet();

        var missing = mapped.Where(m => !samples.Contains(m)).ToList();
        var stale = samples.Where(s => !mapped.Contains(s)).ToList();

        Assert.True(missing.Count == 0, "endpoints without a sample (add one, with its scope): " + string.Join("; ", missing));
        Assert.True(stale.Count == 0, "samples of endpoints no longer mapped: " + string.Join("; ", stale));
        Assert.True(mapped.Count >= 30, $"only {mapped.Count} endpoints found in the data source");
    }

    [Fact]
    public async Task Without_credentials_only_health_and_the_openapi_document_answer()
    {
        using var anonymous = silo.Client();
        var failures = new List<string>();
        foreach (var sample in Samples())
        {
            using var response = await SendAsync(anonymous, sample);
            var expected = sample.Scope is null ? HttpStatusCode.OK : HttpStatusCode.Unauthorized;
            Check(failures, sample, "no credentials", expected, response.StatusCode);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task An_unknown_key_or_a_token_signed_with_another_key_is_refused_everywhere()
    {
        using var unknownKey = silo.Client(TestKeys.Unknown);
        using var forgedToken = silo.BearerClient(TestTokens.Create($"{Read} {Write}", key: System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        var failures = new List<string>();
        foreach (var sample in Samples().Where(s => s.Scope is not null))
        {
            using var byKey = await SendAsync(unknownKey, sample);
            Check(failures, sample, "unknown key", HttpStatusCode.Unauthorized, byKey.StatusCode);
            using var byToken = await SendAsync(forgedToken, sample);
            Check(failures, sample, "forged token", HttpStatusCode.Unauthorized, byToken.StatusCode);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task The_wrong_scope_gets_403_on_every_endpoint()
    {
        using var readerKey = silo.Client(TestKeys.Reader);
        using var writerKey = silo.Client(TestKeys.Writer);
        using var readerToken = silo.BearerClient(TestTokens.Create(Read));
        using var writerToken = silo.BearerClient(TestTokens.Create(Write));
        var failures = new List<string>();
        foreach (var sample in Samples().Where(s => s.Scope is not null))
        {
            var (key, token) = sample.Scope == Read ? (writerKey, writerToken) : (readerKey, readerToken);
            using var byKey = await SendAsync(key, sample);
            Check(failures, sample, "key without the scope", HttpStatusCode.Forbidden, byKey.StatusCode);
            using var byToken = await SendAsync(token, sample);
            Check(failures, sample, "token without the scope", HttpStatusCode.Forbidden, byToken.StatusCode);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task The_right_scope_succeeds_on_every_endpoint_by_key_and_by_token()
    {
        using var readerKey = silo.Client(TestKeys.Reader);
        using var writerKey = silo.Client(TestKeys.Writer);
        using var readerToken = silo.BearerClient(TestTokens.Create(Read));
        using var writerToken = silo.BearerClient(TestTokens.Create($"{Write} other:scope"));
        var failures = new List<string>();
        foreach (var sample in Samples().Where(s => s.Scope is not null))
        {
            var (key, token) = sample.Scope == Read ? (readerKey, readerToken) : (writerKey, writerToken);
            using var byKey = await SendAsync(key, sample);
            CheckSuccess(failures, sample, "key", byKey);
            using var byToken = await SendAsync(token, sample);
            CheckSuccess(failures, sample, "token", byToken);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private HashSet<string> MappedEndpoints() =>
    [
        .. silo.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().SelectMany(endpoint =>
            (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(method => $"{method} {endpoint.RoutePattern.RawText}")),
    ];

    /// <summary>One request per endpoint, with what it needs; the route patterns are those the data source lists.</summary>
    private IEnumerable<EndpointSample> Samples()
    {
        var siloAddress = silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();
        const string s = "/api/symbols/{symbol}";
        string p(string rest) => $"/api/symbols/{Symbol}{rest}";
        return
        [
            new("*", "/health/live", "/health/live", null),
            new("*", "/health/ready", "/health/ready", null),
            new("GET", "/openapi/{documentName}.json", "/openapi/v1.json", null),
            new("GET", "/api/symbols", "/api/symbols", Read),
            new("GET", $"{s}/days", p("/days?format=csv"), Read),
            new("GET", $"{s}/stats", p("/stats"), Read),
            new("GET", $"{s}/forecast", p("/forecast"), Read),
            new("GET", $"{s}/nowcast", p("/nowcast"), Read) { NotFoundIsAnAnswer = true },
            new("GET", $"{s}/sources", p("/sources"), Read),
            new("GET", $"{s}/events", p("/events"), Read),
            new("GET", $"{s}/models", p("/models"), Read),
            new("POST", $"{s}/models/{{version:int}}/activate", p("/models/0/activate"), Write),
            new("POST", $"{s}/training", p("/training"), Write, () => JsonContent.Create(new { model = "mlp-seed", epochs = 1 })),
            new("GET", $"{s}/training/{{model}}", p("/training/mlp-seed"), Read),
            new("POST", $"{s}/ticks", p("/ticks"), Write, () => TestTicks.Json(TestTicks.Days(new DateOnly(2024, 1, 3), 1))),
            new("*", "/metrics", "/metrics", Read),
            new("GET", "/dashboard/", "/dashboard/", Read),
            new("GET", "/dashboard/index.html", "/dashboard/index.html", Read),
            new("GET", "/dashboard/favicon.ico", "/dashboard/favicon.ico", Read),
            new("GET", "/dashboard/index.min.js", "/dashboard/index.min.js", Read),
            new("GET", "/dashboard/index.css", "/dashboard/index.css", Read),
            new("GET", "/dashboard/fonts/{**path}", "/dashboard/fonts/fa-solid-900.woff2", Read),
            new("GET", "/dashboard/img/{**path}", "/dashboard/img/OrleansLogo.png", Read),
            new("GET", "/dashboard/version", "/dashboard/version", Read),
            new("GET", "/dashboard/DashboardCounters", "/dashboard/DashboardCounters", Read),
            new("GET", "/dashboard/ClusterStats", "/dashboard/ClusterStats", Read),
            new("GET", "/dashboard/Reminders", "/dashboard/Reminders", Read),
            new("GET", "/dashboard/Reminders/{page:int}", "/dashboard/Reminders/1", Read),
            new("GET", "/dashboard/HistoricalStats/{*path}", $"/dashboard/HistoricalStats/{siloAddress}", Read),
            new("GET", "/dashboard/SiloProperties/{*address}", $"/dashboard/SiloProperties/{siloAddress}", Read),
            new("GET", "/dashboard/SiloStats/{*address}", $"/dashboard/SiloStats/{siloAddress}", Read),
            new("GET", "/dashboard/SiloCounters/{*address}", $"/dashboard/SiloCounters/{siloAddress}", Read),
            new("GET", "/dashboard/GrainStats/{*grainName}", "/dashboard/GrainStats/StreamPredictor.Grains.MarketGrain", Read),
            new("GET", "/dashboard/TopGrainMethods", "/dashboard/TopGrainMethods", Read),
            new("GET", "/dashboard/GrainState", $"/dashboard/GrainState?grainId={Symbol}&grainType=StreamPredictor.Grains.MarketGrain", Read),
            new("GET", "/dashboard/GrainTypes", "/dashboard/GrainTypes", Read),
            new("GET", "/dashboard/Trace", "/dashboard/Trace", Read),
            new("GET", "/dashboard/SiloMetadata/{*address}", $"/dashboard/SiloMetadata/{siloAddress}", Read),
            new("GET", "/dashboard/LifecycleStages", "/dashboard/LifecycleStages", Read),
        ];
    }

    /// <summary>Sends a sample; streaming endpoints (events, trace) are judged by their headers and then closed.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, EndpointSample sample) =>
        client.SendAsync(sample.Request(), HttpCompletionOption.ResponseHeadersRead);

    private void Check(List<string> failures, EndpointSample sample, string who, HttpStatusCode expected, HttpStatusCode actual)
    {
        output.WriteLine($"{sample} {who}: {(int)actual}");
        if (actual != expected)
        {
            failures.Add($"{sample} with {who}: expected {(int)expected}, got {(int)actual}");
        }
    }

    private void CheckSuccess(List<string> failures, EndpointSample sample, string who, HttpResponseMessage response)
    {
        output.WriteLine($"{sample} {who}: {(int)response.StatusCode}");
        if (!response.IsSuccessStatusCode && !(sample.NotFoundIsAnAnswer && response.StatusCode == HttpStatusCode.NotFound))
        {
            failures.Add($"{sample} with its scope by {who}: got {(int)response.StatusCode}");
        }
    }
}
