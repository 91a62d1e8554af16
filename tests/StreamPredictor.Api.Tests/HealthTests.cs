using System.Text.Json;

namespace StreamPredictor.Api.Tests;

/// <summary>Health of the embedded silo: live and ready, each check named, without credentials.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class HealthTests(ApiSilo silo)
{
    [Fact]
    public async Task The_embedded_silo_is_ready_when_the_silo_storage_and_streams_answer()
    {
        using var anonymous = silo.Client();

        using var live = await anonymous.GetAsync("/health/live");
        using var ready = await anonymous.GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal(["silo", "storage", "streams"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
    }
}
