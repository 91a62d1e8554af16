using System.Net.Http.Json;
using System.Text.Json;

namespace StreamPredictor.Api.Tests.Support;

/// <summary>An RFC 9457 problem body as the API writes it, with its extension members.</summary>
public sealed record Problem(int Status, string? Title, string? Detail, Dictionary<string, JsonElement> Extensions)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, JsonElement>>() ?? [];
        return new Problem(
            body["status"].GetInt32(),
            body.TryGetValue("title", out var title) ? title.GetString() : null,
            body.TryGetValue("detail", out var detail) ? detail.GetString() : null,
            body);
    }

    public string? Text(string member) => Extensions.TryGetValue(member, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;
}
