using Orleans.Core.Internal;
using Orleans.Streams;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Grains.Tests.Support;
using Xunit.Abstractions;

namespace StreamPredictor.Integration.Tests.Market;

/// <summary>
/// Many producers publish one copy of every tick, shuffled, on the symbol's stream across three silos sharing one
/// SQLite file, while the market grain is deactivated again and again. With a single copy a tick counted twice or
/// lost shows at once: every tick must be accepted exactly once and the days must equal <c>stream daily</c>'s.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ConcurrencyHammerTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private const int Producers = 8;
    private const int BatchSize = 512;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Single_copy_ticks_from_concurrent_producers_under_forced_deactivations_count_exactly_once(int round)
    {
        var symbol = $"HAMMER-{round}";
        var ticks = TickFiles.Ticks(SharedData.BitstampHourly);
        new Random(round).Shuffle(ticks);
        var shares = ticks.Chunk((ticks.Length / Producers) + 1).ToArray();
        var producers = shares.Select(_ => Guid.NewGuid()).ToArray();
        var market = fixture.Cluster.Client.GetGrain<IMarketGrain>(symbol);
        var stream = StreamNames.Get<TickBatch>(fixture.Cluster.Client.GetStreamProvider(StreamNames.Provider), StreamNames.Ticks, symbol);

        using var done = new CancellationTokenSource();
        var deactivations = DeactivateRepeatedlyAsync(market, round, done.Token);
        var batches = await Task.WhenAll(shares.Select((share, p) => Task.Run(() => PublishAsync(stream, producers[p], share))));
        var confirmations = await Task.WhenAll(producers.Select((p, i) => ConfirmedAsync(market, p, batches[i])));
        await done.CancelAsync();
        output.WriteLine($"{symbol}: {await deactivations} forced deactivations");

        var stats = await market.GetStatsAsync();
        Assert.Equal(ticks.Length, stats.Accepted);
        Assert.Equal(0, stats.Rejected);
        // Each producer holds the only copy of its ticks: it alone can have had them accepted, and all of them.
        Assert.Equal(shares.Select(s => (long)s.Length), confirmations.Select(c => c.Counts.Accepted));
        Assert.All(confirmations, c => Assert.Equal(0, c.Counts.Rejected));
        Assert.Equal(TickFiles.Days(SharedData.BitstampHourly), await market.GetDaysAsync());
    }

    private static async Task<long> PublishAsync(IAsyncStream<TickBatch> stream, Guid producer, Tick[] share)
    {
        long sequence = 0;
        foreach (var batch in share.Chunk(BatchSize))
        {
            await stream.OnNextAsync(new TickBatch(stream.StreamId.GetKeyAsString(), batch, producer, ++sequence));
        }

        return sequence;
    }

    private static async Task<BatchConfirmation> ConfirmedAsync(IMarketGrain market, Guid producer, long batches) =>
        await Eventually.ReturnsAsync(() => ConfirmationAsync(market, producer), c => c?.ContiguousThrough == batches, $"all {batches} batches of {producer} applied", seconds: 180)
        ?? throw new InvalidOperationException("unreachable");

    /// <summary>The confirmation, or null when the call was refused because the forced deactivations kept moving the grain.</summary>
    private static async Task<BatchConfirmation?> ConfirmationAsync(IMarketGrain market, Guid producer)
    {
        try
        {
            return await market.GetConfirmationAsync(producer);
        }
        catch (OrleansMessageRejectionException)
        {
            return null;
        }
    }

    private static async Task<int> DeactivateRepeatedlyAsync(IMarketGrain market, int seed, CancellationToken stop)
    {
        var random = new Random(seed);
        var count = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(random.Next(5, 60), stop);
                await market.Cast<IGrainManagementExtension>().DeactivateOnIdle();
                count++;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return count;
    }
}
