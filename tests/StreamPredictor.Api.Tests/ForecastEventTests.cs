using System.Diagnostics;
using System.Net.Http.Json;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Api.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace StreamPredictor.Api.Tests;

/// <summary>
/// The server-sent-events endpoint: the current forecast at once, then each change within a second of the change
/// being made (a day closing through an upload, a model version activated), to every listener.
/// </summary>
[Collection(ApiSiloCollection.Name)]
public sealed class ForecastEventTests(ApiSilo silo, ITestOutputHelper output)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_day_closed_by_an_upload_reaches_every_listener_within_a_second()
    {
        const string symbol = "SSE-DAYS";
        using var writer = silo.Client(TestKeys.Writer);
        using var reader = silo.Client(TestKeys.Reader);
        (await writer.PostAsync($"/api/symbols/{symbol}/ticks", TestTicks.Json(TestTicks.Days(new DateOnly(2024, 6, 1), 3)))).EnsureSuccessStatusCode();
        await Eventually.MatchesAsync("the forecast from 2024-06-02", () => reader.GetAsync($"/api/symbols/{symbol}/forecast"), r => r.IsSuccessStatusCode);
        await using var first = await ForecastEvents.OpenAsync(reader, symbol);
        await using var second = await ForecastEvents.OpenAsync(silo.BearerClient(TestTokens.Create("stream:read")), symbol);
        var (current, _) = await first.NextAsync(TimeSpan.FromSeconds(30));
        var (currentToo, _) = await second.NextAsync(TimeSpan.FromSeconds(30));

        var sent = Stopwatch.GetTimestamp();
        (await writer.PostAsync($"/api/symbols/{symbol}/ticks", TestTicks.Json(TestTicks.Days(new DateOnly(2024, 6, 4), 1, start: 500)))).EnsureSuccessStatusCode();
        var stored = Stopwatch.GetTimestamp();
        var (next, arrived) = await first.NextAsync(TimeSpan.FromSeconds(30));
        var (nextToo, _) = await second.NextAsync(TimeSpan.FromSeconds(30));

        output.WriteLine($"upload {Stopwatch.GetElapsedTime(sent, stored).TotalMilliseconds:F0} ms, event {Stopwatch.GetElapsedTime(stored, arrived).TotalMilliseconds:F0} ms after the upload was stored");
        Assert.Equal(new DateOnly(2024, 6, 2), current.BasedOn);
        Assert.Equal(current, currentToo);
        Assert.Equal(new DateOnly(2024, 6, 3), next.BasedOn);
        Assert.Equal(new DateOnly(2024, 6, 4), next.ForDate);
        Assert.Equal(next, nextToo);
        Assert.True(Stopwatch.GetElapsedTime(stored, arrived) < Second, $"the forecast came {Stopwatch.GetElapsedTime(stored, arrived).TotalMilliseconds:F0} ms after the day closed");
    }

    [Fact]
    public async Task Training_over_http_then_activating_the_version_pushes_its_forecast_within_a_second()
    {
        const string symbol = "SSE-TRAINED";
        using var client = silo.Client(TestKeys.ReadWrite);
        var daily = await File.ReadAllBytesAsync(SharedData.PathOf(SharedData.Daily));
        (await client.PostAsync($"/api/symbols/{symbol}/ticks", new ByteArrayContent(daily) { Headers = { { "Content-Type", "text/csv" } } })).EnsureSuccessStatusCode();

        using var start = await client.PostAsJsonAsync($"/api/symbols/{symbol}/training", new { model = "mlp-seed", epochs = 2, heldOutDays = 30, activateIfBetter = false });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var run = await Eventually.MatchesAsync(
            "the training run to finish",
            () => HttpJson.GetAsync<TrainingRun>(client, start.Headers.Location!.OriginalString),
            r => r.State != TrainingState.Running,
            TimeSpan.FromMinutes(3));
        await using var events = await ForecastEvents.OpenAsync(client, symbol);
        var (naive, _) = await events.NextAsync(TimeSpan.FromSeconds(30));

        var sent = Stopwatch.GetTimestamp();
        var activation = await HttpJson.ReadAsync<ActivationResponse>(await client.PostAsync($"/api/symbols/{symbol}/models/1/activate", null));
        var stored = Stopwatch.GetTimestamp();
        var (trained, arrived) = await events.NextAsync(TimeSpan.FromSeconds(30));
        var models = await HttpJson.GetAsync<ModelVersion[]>(client, $"/api/symbols/{symbol}/models");

        output.WriteLine($"{run.Message}; activation {Stopwatch.GetElapsedTime(sent, stored).TotalMilliseconds:F0} ms, event {Stopwatch.GetElapsedTime(stored, arrived).TotalMilliseconds:F0} ms after it");
        Assert.Equal(TrainingState.Completed, run.State);
        Assert.Equal(1, run.Result!.Version);
        Assert.Equal(("naive", 0), (naive.Model, naive.ModelVersion));
        Assert.Equal(("mlp-seed", 1), (activation.Model, activation.Version));
        Assert.Equal(("mlp-seed", 1), (trained.Model, trained.ModelVersion));
        Assert.Equal(naive.BasedOn, trained.BasedOn);
        Assert.True(Assert.Single(models).Active);
        Assert.True(Stopwatch.GetElapsedTime(stored, arrived) < Second, $"the forecast came {Stopwatch.GetElapsedTime(stored, arrived).TotalMilliseconds:F0} ms after the activation");
    }

    [Fact]
    public async Task The_stream_subscription_is_shared_by_listeners_and_removed_when_the_last_one_leaves()
    {
        const string symbol = "SSE-LEAVE";
        using var reader = silo.Client(TestKeys.Reader);
        var provider = silo.Services.GetRequiredService<IClusterClient>().GetStreamProvider(Abstractions.Streams.StreamNames.Provider);
        var stream = Abstractions.Streams.StreamNames.Get<Forecast>(provider, Abstractions.Streams.StreamNames.Forecasts, symbol);

        Assert.Empty(await stream.GetAllSubscriptionHandles());
        await using (var one = await ForecastEvents.OpenAsync(reader, symbol))
        {
            await using var two = await ForecastEvents.OpenAsync(reader, symbol);
            Assert.Single(await stream.GetAllSubscriptionHandles());
        }

        await Eventually.MatchesAsync("no subscription once both listeners left", async () => (await stream.GetAllSubscriptionHandles()).Count, n => n == 0);
    }
}
