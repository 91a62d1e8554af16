using System.Globalization;
using System.Net.Http.Json;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Api.Contracts;

namespace StreamPredictor.Api.Tests;

/// <summary>The read endpoints against a real silo: symbols, days with ranges, stats with lag, forecasts, models; and their 4xx.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class ReadEndpointTests(ApiSilo silo)
{
    [Fact]
    public async Task Symbols_lists_what_was_ingested_in_ordinal_order_and_not_what_was_only_asked_for()
    {
        using var writer = silo.Client(TestKeys.Writer);
        using var reader = silo.Client(TestKeys.Reader);
        foreach (var symbol in new[] { "LIST-b", "LIST-A", "LIST-C" })
        {
            (await writer.PostAsync($"/api/symbols/{symbol}/ticks", TestTicks.Json(TestTicks.Days(new DateOnly(2024, 1, 1), 1)))).EnsureSuccessStatusCode();
        }

        (await reader.GetAsync("/api/symbols/LIST-NEVER-SENT/days")).EnsureSuccessStatusCode();
        var symbols = await HttpJson.GetAsync<string[]>(reader, "/api/symbols");

        Assert.Equal(["LIST-A", "LIST-C", "LIST-b"], symbols.Where(s => s.StartsWith("LIST-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Days_honour_from_to_and_closed_only_in_json_and_csv()
    {
        const string symbol = "DAYS-RANGE";
        using var writer = silo.Client(TestKeys.Writer);
        using var reader = silo.Client(TestKeys.ReadWrite);
        (await writer.PostAsync($"/api/symbols/{symbol}/ticks", TestTicks.Json(TestTicks.Days(new DateOnly(2024, 3, 1), 5)))).EnsureSuccessStatusCode();

        var all = await HttpJson.GetAsync<DailyBar[]>(reader, $"/api/symbols/{symbol}/days");
        var closed = await HttpJson.GetAsync<DailyBar[]>(reader, $"/api/symbols/{symbol}/days?closedOnly=true");
        var middle = await HttpJson.GetAsync<DailyBar[]>(reader, $"/api/symbols/{symbol}/days?from=2024-03-02&to=2024-03-04");
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/symbols/{symbol}/days?from=2024-03-05") { Headers = { { "Accept", "text/csv" } } };
        using var csv = await reader.SendAsync(csvRequest);

        Assert.Equal(5, all.Length);
        Assert.Equal(all[..4], closed);
        Assert.Equal(all[1..4], middle);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("date,mean_close,ticks,open,high,low,close,volume\n2024-03-05,117.5,4,115.5,120,115,119,10\n", await csv.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync($"/api/symbols/{symbol}/days?format=xml")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync($"/api/symbols/{symbol}/days?from=March")).StatusCode);
    }

    [Fact]
    public async Task Stats_give_the_counts_the_newest_tick_and_its_lag_behind_the_wall_clock()
    {
        const string symbol = "STATS-LAG";
        using var writer = silo.Client(TestKeys.Writer);
        using var reader = silo.Client(TestKeys.Reader);
        var ticks = TestTicks.Days(new DateOnly(2024, 4, 1), 3);
        var late = new Tick(ticks[5].Timestamp + 30, 10, 11, 9, 10, 1);
        var tooLate = new Tick(ticks[0].Timestamp + 30, 10, 11, 9, 10, 1);
        (await writer.PostAsync($"/api/symbols/{symbol}/ticks", TestTicks.Json(ticks))).EnsureSuccessStatusCode();
        (await writer.PostAsync($"/api/symbols/{symbol}/ticks", TestTicks.Json([ticks[4], late, tooLate]))).EnsureSuccessStatusCode();

        var before = DateTimeOffset.UtcNow;
        var stats = await HttpJson.GetAsync<SymbolStats>(reader, $"/api/symbols/{symbol}/stats");
        var after = DateTimeOffset.UtcNow;

        var newest = DateTimeOffset.FromUnixTimeSeconds(ticks[^1].Timestamp);
        Assert.Equal(13, stats.Accepted);
        Assert.Equal(1, stats.LateAccepted);
        Assert.Equal(1, stats.Duplicates);
        Assert.Equal(1, stats.Rejected);
        Assert.Equal(1, stats.RejectedByReason["TooLate"]);
        Assert.Equal(2, stats.ClosedDays);
        Assert.Equal(new DateOnly(2024, 4, 3), stats.OpenDay);
        Assert.Equal(newest, stats.NewestTick);
        Assert.InRange(stats.LagSeconds!.Value, (before - newest).TotalSeconds - 1, (after - newest).TotalSeconds + 1);
    }

    [Fact]
    public async Task The_forecast_is_404_until_a_day_closes_and_then_names_the_day_it_is_for()
    {
        const string symbol = "FORECAST-READ";
        using var writer = silo.Client(TestKeys.Writer);
        using var reader = silo.Client(TestKeys.Reader);
        (await writer.PostAsync($"/api/symbols/{symbol}/ticks", TestTicks.Json(TestTicks.Days(new DateOnly(2024, 5, 1), 1)))).EnsureSuccessStatusCode();
        using var none = await reader.GetAsync($"/api/symbols/{symbol}/forecast");
        (await writer.PostAsync($"/api/symbols/{symbol}/ticks", TestTicks.Json(TestTicks.Days(new DateOnly(2024, 5, 2), 1, start: 200)))).EnsureSuccessStatusCode();

        var forecast = await Eventually.MatchesAsync(
            "a forecast once 2024-05-01 closed",
            async () => (await reader.GetAsync($"/api/symbols/{symbol}/forecast")) is { IsSuccessStatusCode: true } ok ? await HttpJson.ReadAsync<Forecast>(ok) : null,
            f => f is not null);

        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Contains("no forecast yet", (await Problem.ReadAsync(none)).Detail);
        Assert.Equal(new DateOnly(2024, 5, 1), forecast!.BasedOn);
        Assert.Equal(new DateOnly(2024, 5, 2), forecast.ForDate);
        Assert.Equal("naive", forecast.Model);
        Assert.Equal(101.5, forecast.Value);
    }

    [Fact]
    public async Task Unknown_versions_and_models_are_refused_and_version_0_restores_naive()
    {
        using var client = silo.Client(TestKeys.ReadWrite);

        using var unknownVersion = await client.PostAsync("/api/symbols/MODELS-NONE/models/7/activate", null);
        using var naive = await client.PostAsync("/api/symbols/MODELS-NONE/models/0/activate", null);
        using var unknownModel = await client.PostAsJsonAsync("/api/symbols/MODELS-NONE/training", new { model = "transformer" });
        using var badEpochs = await client.PostAsJsonAsync("/api/symbols/MODELS-NONE/training", new { model = "lstm", epochs = 0 });
        using var unknownStatus = await client.GetAsync("/api/symbols/MODELS-NONE/training/transformer");

        Assert.Equal(HttpStatusCode.NotFound, unknownVersion.StatusCode);
        Assert.Contains("no model version 7 (versions: none; 0 is naive)", (await Problem.ReadAsync(unknownVersion)).Detail);
        var activation = await HttpJson.ReadAsync<ActivationResponse>(naive);
        Assert.Equal((0, "naive"), (activation.Version, activation.Model));
        Assert.Equal(HttpStatusCode.BadRequest, unknownModel.StatusCode);
        Assert.Contains("unknown model 'transformer'", (await unknownModel.Content.ReadAsStringAsync()).Replace("\\u0027", "'", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, badEpochs.StatusCode);
        Assert.Contains("epochs", await badEpochs.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus.StatusCode);
        Assert.Empty(await HttpJson.GetAsync<ModelVersion[]>(client, "/api/symbols/MODELS-NONE/models"));
    }

    [Fact]
    public async Task A_rate_limited_key_gets_429_with_retry_after_while_other_keys_go_on()
    {
        using var limited = silo.Client(TestKeys.Limited);
        using var other = silo.Client(TestKeys.Reader);

        var codes = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await limited.GetAsync("/api/symbols");
            codes.Add(response.StatusCode);
            refused = response;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        Assert.True(int.Parse(refused!.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) > 0);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/symbols")).StatusCode);
    }
}
