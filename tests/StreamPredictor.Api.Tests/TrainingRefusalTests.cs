using System.Net.Http.Json;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Api.Contracts;

namespace StreamPredictor.Api.Tests;

/// <summary>A training request the trainer grain refuses before it starts is a 400 with its reason, and starts nothing.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class TrainingRefusalTests(ApiSilo silo)
{
    [Fact]
    public async Task A_request_for_a_symbol_without_enough_closed_days_is_a_400_naming_them()
    {
        using var client = silo.Client(TestKeys.ReadWrite);
        (await client.PostAsync("/api/symbols/TRAIN-FEW/ticks", TestTicks.Json(TestTicks.Days(new DateOnly(2024, 1, 1), 3)))).EnsureSuccessStatusCode();

        using var start = await client.PostAsJsonAsync("/api/symbols/TRAIN-FEW/training", new { model = "mlp-seed", epochs = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        Assert.Contains("mlp-seed with 60 held-out days needs at least 122 closed days (60 to read, 2 to train on, 60 held out); the symbol has 2", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var status = await HttpJson.GetAsync<TrainingRun>(client, "/api/symbols/TRAIN-FEW/training/mlp-seed");
        Assert.Equal(TrainingState.Idle, status.State);
    }
}
