using StreamPredictor.Grains.Tests.Support;
using StreamPredictor.Integration.Tests.Support;

namespace StreamPredictor.Integration.Tests.Forecasting;

/// <summary>Nowcasts live in memory: after a restart the forecast grain reads the open day back on activation.</summary>
public sealed class NowcastRestartTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("stream-nowcast-restart-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task After_a_restart_the_nowcast_has_the_open_days_ticks_before_any_new_batch()
    {
        const string symbol = "NOWCAST-RESTART";
        var days = TickFiles.Ticks(SharedData.BitstampHourly).OrderBy(t => t.Timestamp).GroupBy(t => t.DayNumber).Where(g => g.Count() == 24).Take(6).ToArray();
        var open = days[5].Take(7).ToArray();
        var hours = days[..5].SelectMany(d => d).Concat(open).ToArray();
        await using (var first = await EmbeddedSilo.StartAsync(_directory))
        {
            await first.Client.IngestAsync(symbol, hours);
            await Eventually.ReturnsAsync(() => first.Client.GetNowcastAsync(symbol), n => n?.Ticks == 7, "the nowcast before the restart");
        }

        await using var second = await EmbeddedSilo.StartAsync(_directory);
        var nowcast = await second.Client.GetNowcastAsync(symbol);

        Assert.NotNull(nowcast);
        Assert.Equal(7, nowcast.Ticks);
        Assert.Equal(open.Average(t => t.Close), nowcast.MeanSoFar, 6);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(open[^1].Timestamp), nowcast.AsOf);
    }
}
