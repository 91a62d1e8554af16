using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;
using Orleans.Streams;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Grains.Market;
using Xunit.Abstractions;
using StreamPredictor.Ticks;

namespace StreamPredictor.Cluster.Tests;

/// <summary>
/// The cluster profile for real: silos and a client in this process, a private redis-server and nats-server
/// per test. Redis holds membership and grain state; NATS JetStream carries the tick stream.
/// </summary>
public sealed class ClusterProfileTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IHost> _hosts = [];
    private ClusterServices _services = null!;

    public async Task InitializeAsync() => _services = await ClusterServices.StartAsync();

    public async Task DisposeAsync()
    {
        try
        {
            await ClusterHosts.StopAsync(_hosts);
        }
        finally
        {
            await _services.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoSilosFormOneClusterThroughRedisMembership()
    {
        await StartSilosAsync(2);
        var client = await StartClientAsync();

        var hosts = await Eventually.MatchesAsync(
            "two active silos",
            () => client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true),
            h => h.Count == 2);

        Assert.All(hosts.Values, status => Assert.Equal(SiloStatus.Active, status));
        Assert.Equal(2, hosts.Keys.Select(silo => silo.Endpoint.Port).Distinct().Count());
    }

    [Fact]
    public async Task BatchPublishedOnNatsReachesTheMarketGrainAndItsRedeliveryChangesNothing()
    {
        await StartSilosAsync(2);
        var client = await StartClientAsync();
        var batch = MarketTicks.ThreeDays("BTC");
        var market = client.GetGrain<IMarketGrain>("BTC");

        var clock = Stopwatch.StartNew();
        await TickStream(client, "BTC").OnNextAsync(batch);
        var days = await Eventually.MatchesAsync("three days of BTC", () => market.GetDaysAsync(), d => d.Length == 3);
        output.WriteLine($"{batch.Count} ticks published through NATS and aggregated in {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(MarketTicks.ExpectedDays, days);

        await TickStream(client, "BTC").OnNextAsync(batch);
        var stats = await Eventually.MatchesAsync("the second delivery", () => market.GetStatsAsync(), s => s.Batches == 2);

        // The redelivered ticks of the two revisable days are recognised as duplicates; those of the oldest day,
        // beyond the allowed lateness (1 day), are refused as too late. Either way nothing is counted twice.
        Assert.Equal(batch.Count, stats.Accepted);
        Assert.Equal(8, stats.Duplicates);
        Assert.Equal(4, stats.RejectedByReason.GetValueOrDefault(TickRejectReason.TooLate));
        Assert.Equal(0, stats.Revisions);
        Assert.Equal(2, stats.ClosedDays);
        Assert.Equal(MarketTicks.ExpectedDays, await market.GetDaysAsync());
    }

    [Fact]
    public async Task MarketStateSurvivesTheWholeClusterInRedis()
    {
        await StartSilosAsync(2);
        var client = await StartClientAsync();
        await TickStream(client, "ETH").OnNextAsync(MarketTicks.ThreeDays("ETH"));
        await Eventually.MatchesAsync("three days of ETH", () => client.GetGrain<IMarketGrain>("ETH").GetDaysAsync(), d => d.Length == 3);

        // Stop every silo and client, and swap NATS for an empty server: nothing can be redelivered,
        // so whatever the new silo knows it read from Redis.
        await ClusterHosts.StopAsync(_hosts);
        await _services.ReplaceNatsAsync();
        await StartSilosAsync(1);
        var fresh = await StartClientAsync();

        var market = fresh.GetGrain<IMarketGrain>("ETH");
        Assert.Equal(MarketTicks.ExpectedDays, await market.GetDaysAsync());
        var stats = await market.GetStatsAsync();
        Assert.Equal(1, stats.Batches);
        Assert.Equal(12, stats.Accepted);
    }

    [Fact]
    public async Task TrainersFallBackToAnySiloWhenNoneHasAnAccelerator()
    {
        await StartSilosAsync(2);
        var client = await StartClientAsync();

        var trainer = client.GetGrain<StreamPredictor.Abstractions.Forecasting.ITrainerGrain>("BTC/lstm");
        var placement = await trainer.GetPlacementAsync();
        var status = await trainer.GetStatusAsync();

        Assert.False(placement.Accelerator);
        Assert.Equal("cpu", placement.Device);
        Assert.NotNull(await client.GetGrain<IManagementGrain>(0).GetActivationAddress(trainer));
        Assert.Equal(placement.Silo, status.Silo);
        Assert.False(status.OnAccelerator);
    }

    private static IAsyncStream<TickBatch> TickStream(IClusterClient client, string symbol) =>
        StreamNames.Get<TickBatch>(client.GetStreamProvider(StreamNames.Provider), StreamNames.Ticks, symbol);

    private async Task StartSilosAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _hosts.Add(await ClusterHosts.StartSiloAsync(_services));
        }
    }

    private async Task<IClusterClient> StartClientAsync()
    {
        var host = await ClusterHosts.StartClientAsync(_services);
        _hosts.Add(host);
        return host.Services.GetRequiredService<IClusterClient>();
    }
}
