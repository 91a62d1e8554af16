using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Integration.Tests.Models;

/// <summary>Issue 8: every table adds the MAE ratio against <c>last</c>; the registry's versions carry it.</summary>
[Collection(ModelsCollection.Name)]
public sealed class VsLastTests(ModelsFixture fixture)
{
    [Fact]
    public async Task A_trained_version_carries_lasts_MAE_on_its_held_out_days_and_its_ratio_to_it()
    {
        const string symbol = "VS-LAST";
        var hours = TickFiles.Ticks(SharedData.BitstampHourly).OrderBy(t => t.Timestamp).Take(24 * 80).ToArray();
        await fixture.Client.IngestAsync(symbol, hours);

        var status = await fixture.Client.TrainAsync(symbol, new TrainingRequest("naive", HeldOutDays: 20, ActivateIfBetter: false));

        // By hand: last forecasts day t's mean with day t-1's last close; naive with day t-1's mean.
        var days = await fixture.Client.GetDaysAsync(symbol, includeOpenDay: false);
        var heldOut = Enumerable.Range(days.Length - 20, 20).ToArray();
        var lastMae = heldOut.Average(i => Math.Abs(days[i].MeanClose - days[i - 1].Close));
        var naiveMae = heldOut.Average(i => Math.Abs(days[i].MeanClose - days[i - 1].MeanClose));
        var version = status.Result!;
        Assert.Equal(days[^20].Date, version.HeldOutFrom);
        Assert.Equal(naiveMae, version.Mae, 6);
        Assert.Equal(lastMae, version.LastMae!.Value, 6);
        Assert.Equal(naiveMae / lastMae, version.MaeVsLast!.Value, 9);
        Assert.True(version.MaeVsLast > 1, $"on hourly data naive loses to last: {version.MaeVsLast}");
        var listed = (await fixture.Client.GetModelsAsync(symbol)).Single(v => v.Version == version.Version);
        Assert.Equal(version.MaeVsLast, listed.MaeVsLast);
    }
}
