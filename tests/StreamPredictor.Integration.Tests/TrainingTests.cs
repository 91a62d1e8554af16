using Microsoft.Extensions.DependencyInjection;
using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Integration.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TrainingTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Trainer_grains_land_on_the_one_silo_with_an_accelerator()
    {
        var accelerator = fixture.SiloNamed(ClusterFixture.AcceleratorSilo);
        var management = fixture.Cluster.Client.GetGrain<IManagementGrain>(0);

        foreach (var symbol in Enumerable.Range(0, 12).Select(i => $"PLACE{i}"))
        {
            var trainer = fixture.Client.Trainer(symbol, "lstm");
            var placement = await trainer.GetPlacementAsync();

            Assert.True(placement.Accelerator, $"{symbol} trainer on {placement.Silo}");
            Assert.Equal(accelerator, await management.GetActivationAddress(trainer));
        }
    }

    [Fact]
    public async Task A_forecast_appears_when_a_day_closes_and_follows_the_activated_version()
    {
        const string symbol = "DAILY-BTC";
        await fixture.Client.IngestAsync(symbol, TickFiles.Ticks(SharedData.Daily).TakeLast(400).SkipLast(1));
        var days = await fixture.Client.GetDaysAsync(symbol, includeOpenDay: false);
        var naive = await Eventually.ReturnsAsync(() => fixture.Client.GetForecastAsync(symbol), f => f?.BasedOn == days[^1].Date, "naive forecast of the last closed day");

        Assert.Equal("naive", naive!.Model);
        Assert.Equal(0, naive.ModelVersion);
        Assert.Equal(days[^1].MeanClose, naive.Value);
        Assert.Equal(days[^1].Date.AddDays(1), naive.ForDate);
        Assert.Equal([0.8, 0.95], naive.Intervals.Select(i => i.Level));
        // The grain calibrates naive on the last 60 of the 121 closed days it reads (issue 7 item 20): worked out here by
        // hand, the half-width of level L is the ceil(61 L)-th smallest relative error of naive on those 60 days.
        var errors = Enumerable.Range(days.Length - 60, 60)
            .Select(i => Math.Abs(days[i].MeanClose - days[i - 1].MeanClose) / days[i - 1].MeanClose).Order().ToArray();
        foreach (var interval in naive.Intervals)
        {
            var half = errors[(int)Math.Ceiling(61 * interval.Level) - 1] * naive.Value;
            Assert.Equal(naive.Value - half, interval.Lower, 6);
            Assert.Equal(naive.Value + half, interval.Upper, 6);
        }

        var status = await fixture.Client.TrainAsync(symbol, new TrainingRequest("mlp-seed", Epochs: 3, Seed: 1, HeldOutDays: 30, ActivateIfBetter: false));
        Assert.Equal(TrainingState.Completed, status.State);
        var version = status.Result!;
        Assert.False(version.Active);
        Assert.Equal(30, version.HeldOutForecasts!.Length);
        Assert.Equal(days[^30].Date, version.HeldOutFrom);
        Assert.True(version.OnAccelerator);

        var pushed = new TaskCompletionSource<Forecast>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = await fixture.Client.SubscribeForecastsAsync(symbol, f =>
        {
            if (f.ModelVersion == version.Version)
            {
                pushed.TrySetResult(f);
            }

            return Task.CompletedTask;
        });
        await fixture.Client.ActivateModelAsync(symbol, version.Version);

        var trained = await fixture.Client.GetForecastAsync(symbol);
        Assert.Equal(version.Version, trained!.ModelVersion);
        Assert.Equal("mlp-seed", trained.Model);
        Assert.NotEqual(naive.Value, trained.Value);
        Assert.Equal(trained, await pushed.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True((await fixture.Client.GetModelsAsync(symbol)).Single(v => v.Version == version.Version).Active);

        var nextDay = days[^1].Date.AddDays(2).ToDateTime(TimeOnly.MinValue);
        var close = new DateTimeOffset(nextDay, TimeSpan.Zero).ToUnixTimeSeconds();
        await fixture.Client.IngestAsync(symbol, [new Tick(close, 1, 1, 1, 1, 1)]);
        var after = await Eventually.ReturnsAsync(() => fixture.Client.GetForecastAsync(symbol), f => f!.BasedOn > days[^1].Date, "forecast after the next close");
        Assert.Equal(version.Version, after!.ModelVersion);
    }

    [Fact]
    public async Task A_scheduled_trainer_trains_on_its_reminder_without_being_asked()
    {
        const string symbol = "SCHEDULED/USD";
        await fixture.Client.IngestAsync(symbol, TickFiles.Ticks(SharedData.Daily).TakeLast(150));
        var request = new TrainingRequest("mlp-seed", Epochs: 1, HeldOutDays: 20, ActivateIfBetter: false);

        await fixture.Client.ScheduleTrainingAsync(symbol, request, TimeSpan.FromSeconds(2));
        var status = await Eventually.ReturnsAsync(() => fixture.Client.Trainer(symbol, "mlp-seed").GetStatusAsync(), s => s.State == TrainingState.Completed, "a scheduled training run", seconds: 60);
        await fixture.Client.ScheduleTrainingAsync(symbol, request, TimeSpan.Zero);

        Assert.Equal("mlp-seed", status.Result!.Model);
        Assert.Contains(await fixture.Client.GetModelsAsync(symbol), v => v.Version == status.Result.Version && v.HeldOutFrom == status.Result.HeldOutFrom);
    }
}
