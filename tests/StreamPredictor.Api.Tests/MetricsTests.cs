namespace StreamPredictor.Api.Tests;

/// <summary>The Prometheus endpoint carries the system's meter, counted where ticks land, and Orleans' own meters.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class MetricsTests(ApiSilo silo)
{
    [Fact]
    public async Task Ticks_accepted_duplicate_late_and_rejected_by_reason_are_counted_as_the_market_grain_counts_them()
    {
        const string symbol = "METRICS";
        using var writer = silo.Client(TestKeys.Writer);
        using var reader = silo.Client(TestKeys.Reader);
        var ticks = TestTicks.Days(new DateOnly(2024, 7, 1), 3);
        var before = await reader.GetStringAsync("/metrics");

        (await writer.PostAsync($"/api/symbols/{symbol}/ticks", TestTicks.Json(ticks))).EnsureSuccessStatusCode();
        (await writer.PostAsync($"/api/symbols/{symbol}/ticks", TestTicks.Json(ticks[4..]))).EnsureSuccessStatusCode();
        (await writer.PostAsync($"/api/symbols/{symbol}/ticks", TestTicks.Json([ticks[5] with { Timestamp = ticks[5].Timestamp + 1 }]))).EnsureSuccessStatusCode();
        (await writer.PostAsync($"/api/symbols/{symbol}/ticks", TestTicks.Json([ticks[0] with { Timestamp = ticks[0].Timestamp + 1 }]))).EnsureSuccessStatusCode();

        double Added(string exposition, string metric, params string[] labels) =>
            PrometheusText.Sum(exposition, metric, labels) - PrometheusText.Sum(before, metric, labels);
        var after = await Eventually.MatchesAsync(
            "the scrape to show the four uploads",
            () => reader.GetStringAsync("/metrics"),
            text => Added(text, "stream_batches_total") >= 4);

        Assert.Equal(4, Added(after, "stream_batches_total"));
        Assert.Equal(13, Added(after, "stream_ticks_accepted_total"));
        Assert.Equal(1, Added(after, "stream_ticks_late_total"));
        Assert.Equal(8, Added(after, "stream_ticks_duplicate_total"));
        Assert.Equal(1, Added(after, "stream_ticks_rejected_total", "reason=\"TooLate\""));
        Assert.Equal(4, Added(after, "stream_ingest_lag_seconds_count"));
        Assert.Contains("# TYPE stream_ingest_lag_seconds histogram", after);
        Assert.Contains("\norleans_", after);
        Assert.Contains("\nhttp_server_request_duration_seconds", after);
    }

    [Fact]
    public async Task Forecasts_served_count_reads_through_the_api()
    {
        using var reader = silo.Client(TestKeys.Reader);
        using var writer = silo.Client(TestKeys.Writer);
        (await writer.PostAsync("/api/symbols/METRICS-READS/ticks", TestTicks.Json(TestTicks.Days(new DateOnly(2024, 8, 1), 2)))).EnsureSuccessStatusCode();
        await Eventually.MatchesAsync("a forecast", () => reader.GetAsync("/api/symbols/METRICS-READS/forecast"), r => r.IsSuccessStatusCode);
        var before = PrometheusText.Sum(await reader.GetStringAsync("/metrics"), "stream_forecasts_served_total");

        for (var i = 0; i < 5; i++)
        {
            (await reader.GetAsync("/api/symbols/METRICS-READS/forecast")).EnsureSuccessStatusCode();
        }

        await Eventually.MatchesAsync(
            "five more forecasts served",
            async () => PrometheusText.Sum(await reader.GetStringAsync("/metrics"), "stream_forecasts_served_total") - before,
            added => added == 5);
    }
}
