using StreamPredictor.Integration.Tests.Support;

namespace StreamPredictor.Integration.Tests.Models;

/// <summary>Issue 7 items 10 and 11: the forecast grain survives a model it cannot load and converges to the registry.</summary>
[Collection(ModelsCollection.Name)]
public sealed class ForecastModelTests(ModelsFixture fixture)
{
    public static TheoryData<string, string> UnloadableBlobs => new()
    {
        { "LOAD-NEWER", "newer format" },
        { "LOAD-TRUNCATED", "truncated weights" },
        { "LOAD-WRONG-NET", "weights of another network" },
    };

    [Theory]
    [MemberData(nameof(UnloadableBlobs))]
    public async Task A_version_that_cannot_be_loaded_leaves_the_previous_model_serving(string symbol, string damage)
    {
        var (ticks, _) = await Days.IngestAsync(fixture, symbol, 150);
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>(symbol);
        var good = await registry.RegisterAsync(TestModels.Version("mlp-seed", 100), TestModels.Mlp, 0, null);
        await registry.ActivateAsync(good.Version);
        var served = await fixture.Client.GetForecastAsync(symbol);
        Assert.Equal(good.Version, served!.ModelVersion);
        var broken = await registry.RegisterAsync(TestModels.Version("mlp-seed", 90), Damage(TestModels.Mlp, damage), 0, null);

        var activated = await registry.ActivateAsync(broken.Version);

        Assert.True(activated!.Active);
        Assert.Equal(served, await fixture.Client.GetForecastAsync(symbol));
        var status = await fixture.Grains.GetGrain<IForecastGrain>(symbol).GetStatusAsync();
        Assert.Equal((good.Version, broken.Version, broken.Version), (status.ServedVersion, status.ActiveVersion, status.LoadFailure!.Version));
        Assert.False(status.IsCurrent);
        Assert.Contains(Reason(damage), status.LoadFailure.Reason, StringComparison.Ordinal);
        var next = await Days.CloseDayAsync(fixture, symbol, ticks[^1], NextDay(ticks[^1]));
        Assert.Equal(good.Version, next.ModelVersion);
        Assert.Equal("mlp-seed", next.Model);

        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IForecastGrain>(symbol));
        var afterReactivation = await fixture.Grains.GetGrain<IForecastGrain>(symbol).RefreshAsync();
        Assert.Equal(good.Version, afterReactivation!.ModelVersion);
        Assert.Equal(next.Value, afterReactivation.Value);
        Assert.Equal(broken.Version, (await fixture.Grains.GetGrain<IForecastGrain>(symbol).GetStatusAsync()).LoadFailure!.Version);

        var repaired = await registry.ActivateAsync(good.Version);
        Assert.True(repaired!.Active);
        var status2 = await fixture.Grains.GetGrain<IForecastGrain>(symbol).GetStatusAsync();
        Assert.True(status2.IsCurrent);
        Assert.Null(status2.LoadFailure);
    }

    [Fact]
    public async Task Activation_succeeds_when_only_the_forecast_notification_fails_and_the_next_day_uses_the_new_model()
    {
        const string symbol = "NOTIFY-LOST-DAY";
        var (ticks, naive) = await Days.IngestAsync(fixture, symbol, 150);
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>(symbol);
        var version = await registry.RegisterAsync(TestModels.Version("mlp-seed", 100), TestModels.Mlp, 0, null);
        CallFaults.Fail(symbol, nameof(IForecastGrain.RefreshAsync));
        try
        {
            var activated = await registry.ActivateAsync(version.Version);

            Assert.True(activated!.Active);
            Assert.Equal(version.Version, (await registry.GetActiveAsync())!.Version.Version);
        }
        finally
        {
            CallFaults.Clear(symbol, nameof(IForecastGrain.RefreshAsync));
        }

        Assert.Equal(0, naive.ModelVersion);
        var next = await Days.CloseDayAsync(fixture, symbol, ticks[^1], NextDay(ticks[^1]));
        Assert.Equal(version.Version, next.ModelVersion);
    }

    [Fact]
    public async Task The_forecast_grain_converges_to_the_registry_without_a_new_day()
    {
        const string symbol = "NOTIFY-LOST-TIMER";
        await Days.IngestAsync(fixture, symbol, 150);
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>(symbol);
        var version = await registry.RegisterAsync(TestModels.Version("mlp-seed", 100), TestModels.Mlp, 0, null);
        CallFaults.Fail(symbol, nameof(IForecastGrain.RefreshAsync));
        try
        {
            await registry.ActivateAsync(version.Version);
        }
        finally
        {
            CallFaults.Clear(symbol, nameof(IForecastGrain.RefreshAsync));
        }

        var converged = await Eventually.ReturnsAsync(() => fixture.Client.GetForecastAsync(symbol), f => f!.ModelVersion == version.Version, "the forecast from the active version", seconds: 60);
        Assert.Equal("mlp-seed", converged!.Model);
        Assert.True((await fixture.Grains.GetGrain<IForecastGrain>(symbol).GetStatusAsync()).IsCurrent);
    }

    [Fact]
    public async Task A_forecast_that_cannot_be_stored_is_not_served_and_is_stored_on_a_later_check()
    {
        const string symbol = "FORECAST-WRITE-FAILS";
        var (ticks, before) = await Days.IngestAsync(fixture, symbol, 150);
        StorageFaults.FailWrites(symbol, "forecast", count: int.MaxValue);
        try
        {
            await fixture.Client.IngestAsync(symbol, [NextDay(ticks[^1])]);
            var status = await Eventually.ReturnsAsync(() => fixture.Grains.GetGrain<IForecastGrain>(symbol).GetStatusAsync(), s => s.LastError is not null, "the failed write reported");
            Assert.Contains("storing the forecast failed", status.LastError, StringComparison.Ordinal);
            Assert.Equal(before.BasedOn, (await fixture.Client.GetForecastAsync(symbol))!.BasedOn);
        }
        finally
        {
            StorageFaults.Clear(symbol, "forecast");
        }

        var after = await Days.ForecastBasedOnAsync(fixture, symbol, Days.DayOf(ticks[^1]));
        Assert.Equal(ticks[^1].Close, after.Value);
        Assert.Null((await fixture.Grains.GetGrain<IForecastGrain>(symbol).GetStatusAsync()).LastError);
    }

    private static Tick NextDay(Tick last) => last with { Timestamp = last.Timestamp + 86_400 };

    /// <summary>What the load failure says for each damage: the blob reader's or torch's own words.</summary>
    private static string Reason(string damage) => damage switch
    {
        "newer format" => "model blob format",
        "truncated weights" => "end of the stream",
        _ => "state_dict",
    };

    private static byte[] Damage(byte[] blob, string damage) => damage switch
    {
        "newer format" => TestModels.NewerFormat(blob),
        "truncated weights" => TestModels.Truncated(blob),
        "weights of another network" => TestModels.OtherNetwork(blob),
        _ => throw new ArgumentOutOfRangeException(nameof(damage)),
    };
}
