namespace StreamPredictor.Api.Tests.Support;

/// <summary>Ticks sent to the test silo through the API with the write key, applied and stored when this returns.</summary>
public static class Upload
{
    public static async Task TicksAsync(ApiSilo silo, string symbol, HttpContent body)
    {
        using var writer = silo.Client(TestKeys.Writer);
        using var response = await writer.PostAsync($"/api/symbols/{symbol}/ticks", body);
        Assert.True(response.IsSuccessStatusCode, $"upload to {symbol}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
