using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Integration.Tests;

[Collection(ClusterCollection.Name)]
public sealed class IngestTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_real_file_ingested_through_the_sdk_gives_the_days_of_stream_daily()
    {
        var ticks = TickFiles.Ticks(SharedData.BinanceMinutes);

        var result = await fixture.Client.IngestAsync("BINANCE-BTCUSDT", ticks);

        Assert.Equal(399_791, result.TicksSent);
        Assert.Equal(399_791, result.Stats.Accepted);
        Assert.Equal(TickFiles.Days(SharedData.BinanceMinutes), await fixture.Client.GetDaysAsync("BINANCE-BTCUSDT"));
    }

    [Fact]
    public async Task Shuffled_ticks_sent_twice_by_concurrent_producers_give_the_same_days()
    {
        const string symbol = "BITSTAMP-SHUFFLED";
        var ticks = TickFiles.Ticks(SharedData.BitstampHourly);
        var twice = ticks.Concat(ticks).ToArray();
        new Random(2026).Shuffle(twice);
        var producers = twice.Chunk((twice.Length / 3) + 1).ToArray();

        var results = await Task.WhenAll(producers.Select(share => Task.Run(() => fixture.Client.IngestAsync(symbol, share))));

        Assert.Equal(3, results.Length);
        var stats = await fixture.Client.GetStatsAsync(symbol);
        Assert.Equal(ticks.Length, stats.Accepted);
        Assert.Equal(ticks.Length, stats.Duplicates);
        Assert.Equal(0, stats.Rejected);
        Assert.Equal(TickFiles.Days(SharedData.BitstampHourly), await fixture.Client.GetDaysAsync(symbol));
    }

    [Fact]
    public async Task Invalid_ticks_from_the_sdk_are_counted_by_reason_and_change_no_day()
    {
        const string symbol = "BAD-TICKS";
        Tick[] ticks =
        [
            new(1_609_459_200, 10, 11, 9, 10, 1),
            new(1_609_459_260, 10, 9, 11, 10, 1),
            new(1_609_459_320, 10, 11, 9, double.NaN, 1),
            new(1_609_459_380, -1, 11, 9, 10, 1),
        ];

        var result = await fixture.Client.IngestAsync(symbol, ticks);

        Assert.Equal(1, result.Stats.Accepted);
        Assert.Equal(1, result.Stats.RejectedByReason[TickRejectReason.HighBelowLow]);
        Assert.Equal(1, result.Stats.RejectedByReason[TickRejectReason.NotFinite]);
        Assert.Equal(1, result.Stats.RejectedByReason[TickRejectReason.NonPositivePrice]);
        Assert.Equal(10, Assert.Single(await fixture.Client.GetDaysAsync(symbol)).MeanClose);
    }
}
