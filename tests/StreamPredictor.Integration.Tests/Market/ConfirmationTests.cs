using Orleans.Core.Internal;

namespace StreamPredictor.Integration.Tests.Market;

/// <summary>
/// What a market grain tells a producer about its batches (<see cref="IMarketGrain.GetConfirmationAsync"/>): applied
/// and stored batch numbers, out-of-order ones, and the producer's own counts, surviving a deactivation.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConfirmationTests(ClusterFixture fixture)
{
    private const long Day0 = 1_609_459_200; // 2021-01-01

    private static Tick T(long timestamp, double close = 10) => new(timestamp, close, close, close, close, 1);

    [Fact]
    public async Task More_than_1024_concurrent_producers_all_keep_their_marks_and_counts()
    {
        const string symbol = "MANY-PRODUCERS";
        var market = fixture.Cluster.Client.GetGrain<IMarketGrain>(symbol);
        var producers = Enumerable.Range(0, 1_100).Select(_ => Guid.NewGuid()).ToArray();

        // Every producer sends two batches of one tick each; the second of producer i repeats its first tick.
        await Task.WhenAll(producers.Select((p, i) => market.IngestAsync(new TickBatch(symbol, [T(Day0 + (i * 60))], p, 1))));
        await Task.WhenAll(producers.Select((p, i) => market.IngestAsync(new TickBatch(symbol, [T(Day0 + (i * 60)), T(Day0 + 86_400 + (i * 60))], p, 2))));

        var confirmations = await Task.WhenAll(producers.Select(market.GetConfirmationAsync));
        Assert.All(confirmations, c =>
        {
            Assert.Equal(2, c.ContiguousThrough);
            Assert.Empty(c.AppliedBeyond);
            Assert.Equal(2, c.Counts.Accepted);
            Assert.Equal(1, c.Counts.Duplicates);
            Assert.Equal(0, c.Counts.Rejected);
        });
        Assert.Equal(2 * producers.Length, (await market.GetStatsAsync()).Accepted);
    }

    [Fact]
    public async Task Batches_landing_out_of_order_are_confirmed_each_and_survive_a_deactivation()
    {
        const string symbol = "OUT-OF-ORDER";
        var market = fixture.Cluster.Client.GetGrain<IMarketGrain>(symbol);
        var producer = Guid.NewGuid();

        foreach (var sequence in new long[] { 1, 3, 5 })
        {
            await market.IngestAsync(new TickBatch(symbol, [T(Day0 + (sequence * 60))], producer, sequence));
        }

        var gapped = await market.GetConfirmationAsync(producer);
        await market.IngestAsync(new TickBatch(symbol, [T(Day0 + 120), new Tick(Day0 + 200, 10, 9, 11, 10, 1)], producer, 2));
        await market.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var filled = await market.GetConfirmationAsync(producer);

        Assert.Equal(1, gapped.ContiguousThrough);
        Assert.Equal([3L, 5L], gapped.AppliedBeyond);
        Assert.False(gapped.IsApplied(2));
        Assert.Equal(3, filled.ContiguousThrough);
        Assert.Equal([5L], filled.AppliedBeyond);
        Assert.Equal(4, filled.Counts.Accepted);
        Assert.Equal(1, filled.Counts.RejectedByReason[TickRejectReason.HighBelowLow]);
        Assert.Equal(TickCounts.None.Accepted, (await market.GetConfirmationAsync(Guid.NewGuid())).Counts.Accepted);
    }
}
