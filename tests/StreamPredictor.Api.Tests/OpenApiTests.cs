using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace StreamPredictor.Api.Tests;

/// <summary>The OpenAPI document: anonymous, describing every API endpoint the app maps and how to authenticate (not the dashboard's, nor the Prometheus text endpoint).</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class OpenApiTests(ApiSilo silo)
{
    [Fact]
    public async Task The_document_describes_every_api_endpoint_with_its_scope_and_both_ways_to_authenticate()
    {
        using var anonymous = silo.Client();

        using var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var mapped = silo.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!.Replace(":int", "", StringComparison.Ordinal))
            .Where(p => p.StartsWith("/api/", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.NotEmpty(mapped);
        Assert.All(mapped, path => Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document"));
        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        var ingest = paths.GetProperty("/api/symbols/{symbol}/ticks").GetProperty("post");
        Assert.Equal("stream:write", ingest.GetProperty("security")[0].GetProperty("ApiKey")[0].GetString());
        Assert.True(ingest.GetProperty("requestBody").GetProperty("content").TryGetProperty("text/csv", out _));
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/dashboard", StringComparison.Ordinal));
    }
}
