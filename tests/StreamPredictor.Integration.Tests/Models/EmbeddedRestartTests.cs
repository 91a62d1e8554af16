using StreamPredictor.Client.Advanced;
using Orleans.Configuration;
using StreamPredictor.Grains.Tests.Support;
using StreamPredictor.Integration.Tests.Support;

namespace StreamPredictor.Integration.Tests.Models;

/// <summary>
/// Issue 7 items 13 and 19: what the model grains hold survives stopping the embedded profile and starting it again on the
/// same SQLite file.
/// </summary>
public sealed class EmbeddedRestartTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Registry_active_model_and_forecast_survive_a_restart()
    {
        const string symbol = "RESTART-MODELS";
        var data = _files.PathOf("silo");
        ModelVersion[] versions;
        Forecast before;
        await using (var silo = await EmbeddedSilo.StartAsync(data))
        {
            var ticks = TestModels.DailyTicks(150);
            await silo.Client.IngestAsync(symbol, ticks);
            var registry = silo.Grains.GetGrain<IModelRegistryGrain>(symbol);
            var kept = await registry.RegisterAsync(TestModels.Version("mlp-seed", 80), TestModels.Train("mlp-seed", epochs: 1), 0, null);
            var active = await registry.RegisterAsync(TestModels.Version("mlp-seed", 70), TestModels.Mlp, 0, null);
            await registry.ActivateAsync(active.Version);
            versions = await registry.ListAsync();
            before = (await Eventually.ReturnsAsync(() => silo.Client.GetForecastAsync(symbol), f => f?.ModelVersion == active.Version, "the active model's forecast"))!;
            Assert.Equal(Days.DayOf(ticks[^2]), before.BasedOn);
        }

        await using (var silo = await EmbeddedSilo.StartAsync(data))
        {
            var registry = silo.Grains.GetGrain<IModelRegistryGrain>(symbol);
            Assert.Equal(versions, await registry.ListAsync(), ModelVersionComparer.Instance);
            Assert.Equal(before, await silo.Client.GetForecastAsync(symbol));
            var recomputed = await silo.Grains.GetGrain<IForecastGrain>(symbol).RefreshAsync();
            Assert.Equal(before.ModelVersion, recomputed!.ModelVersion);
            Assert.Equal(before.Value, recomputed.Value);
            Assert.Equal(TestModels.Mlp, (await registry.GetActiveAsync())!.Blob);
        }
    }

    [Fact]
    public async Task A_schedule_keeps_training_after_a_restart_without_being_asked_again()
    {
        const string symbol = "RESTART-SCHEDULE";
        var data = _files.PathOf("silo");
        var request = new TrainingRequest("mlp-seed", Epochs: 1, HeldOutDays: 20, ActivateIfBetter: false);
        var period = TimeSpan.FromSeconds(5);
        await using (var silo = await EmbeddedSilo.StartAsync(data, FastReminders))
        {
            await silo.Client.IngestAsync(symbol, TestModels.DailyTicks(150));
            await silo.Client.ScheduleTrainingAsync(symbol, request, period);
        }

        await using (var silo = await EmbeddedSilo.StartAsync(data, FastReminders))
        {
            var registry = silo.Grains.GetGrain<IModelRegistryGrain>(symbol);
            var before = (await registry.ListAsync()).Length;
            var trained = await Eventually.ReturnsAsync(registry.ListAsync, v => v.Length > before, "a version trained on the schedule's reminder after the restart", seconds: 120);

            Assert.Equal("mlp-seed", trained[^1].Model);
            Assert.Equal(new TrainingSchedule(request, period), await silo.Grains.GetGrain<ITrainerGrain>(ITrainerGrain.Key(symbol, "mlp-seed")).GetScheduleAsync());
            await silo.Client.ClearTrainingScheduleAsync(symbol, "mlp-seed");
        }
    }

    /// <summary>Lets a test schedule every few seconds instead of Orleans' one-minute minimum.</summary>
    private static void FastReminders(ISiloBuilder silo) => silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));

    /// <summary>Versions compared by value, their held-out forecasts item by item.</summary>
    private sealed class ModelVersionComparer : IEqualityComparer<ModelVersion>
    {
        public static readonly ModelVersionComparer Instance = new();

        public bool Equals(ModelVersion? x, ModelVersion? y) =>
            x is not null && y is not null && x with { HeldOutForecasts = null } == y with { HeldOutForecasts = null }
            && (x.HeldOutForecasts ?? []).SequenceEqual(y.HeldOutForecasts ?? []);

        public int GetHashCode(ModelVersion obj) => obj.Version;
    }
}
