using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StreamPredictor.Api.Hosting;
using StreamPredictor.Client;
using StreamPredictor.Grains.Hosting;
using StreamPredictor.Grains.Market;
using StreamPredictor.Sources.Hosting;
using StreamPredictor.Sources.LocalExchange;
using StreamPredictor.Sources.Tests.Support;

namespace StreamPredictor.Sources.Tests.Live;

/// <summary>The hosted worker in the silo host exactly as src/Silo's Program builds it, configured under Stream:Live.</summary>
public sealed class SiloWorkerTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>What src/Silo/Program.cs runs, with configuration pairs as its command line would carry them.</summary>
    private static IHost SiloHost(IEnumerable<string> args) =>
        StreamHost.Build([.. args, "--Logging:LogLevel:Default=Error"], services => services.AddStreamLive());

    private string[] SiloArgs() =>
    [
        $"--Stream:Silo:DataDirectory={_files.PathOf("data")}",
        $"--Stream:Silo:SiloPort={EmbeddedSiloHost.FreePort()}",
        $"--Stream:Silo:GatewayPort={EmbeddedSiloHost.FreePort()}",
    ];

    private static StreamClient ClientOf(IHost host) =>
        new(host.Services.GetRequiredService<IClusterClient>(), Options.Create(new StreamClientOptions { PollInterval = TimeSpan.FromMilliseconds(50) }));

    [Fact]
    public async Task A_silo_runs_every_configured_feed_and_its_shutdown_confirms_every_complete_minute()
    {
        await using var server = await LocalBitstamp.StartAsync(TimeProvider.System);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 * 60;
        server.Record("btcusd", new TradeMaker(seed: 61).Minutes(now - (90 * 60), now));
        var replayed = SharedData.PathOf(SharedData.CoinbaseMinutes);

        // an earlier run stored BTCUSD up to an hour ago
        var earlier = SiloHost(SiloArgs());
        await earlier.StartAsync();
        await ClientOf(earlier).IngestAsync("BTCUSD", Expected.Bars(server, "btcusd", now - (90 * 60), now - (60 * 60)));
        await earlier.StopAsync();
        earlier.Dispose();

        using var silo = SiloHost([.. SiloArgs(),
            "--Stream:Live:Feeds:0:Symbol=COINBASE", $"--Stream:Live:Feeds:0:Source=replay:{replayed}", "--Stream:Live:Feeds:0:Speed=0",
            "--Stream:Live:Feeds:1:Symbol=BTCUSD", "--Stream:Live:Feeds:1:Source=bitstamp",
            $"--Stream:Live:Bitstamp:WebSocketUrl={server.WebSocketUrl}", $"--Stream:Live:Bitstamp:RestUrl={server.RestUrl}"]);
        await silo.StartAsync();
        var client = ClientOf(silo);
        var offline = DailyImport.Run(replayed).Days;
        await Wait.UntilAsync(async () => (await client.GetDaysAsync("COINBASE")).SequenceEqual(offline), "the replayed file's days in the grains");
        await Wait.UntilAsync(() => server.Subscriptions == 1, "the Bitstamp feed subscribed");
        await silo.StopAsync(); // the worker stops first: it repairs the complete minutes up to now and confirms them

        var after = SiloHost(SiloArgs());
        await after.StartAsync();
        var stats = await ClientOf(after).GetStatsAsync("BTCUSD");
        await after.StopAsync();
        after.Dispose();
        var newest = stats.NewestTick!.Value.ToUnixTimeSeconds();
        Assert.True(newest >= now - 120, $"repaired up to the last complete minutes, newest {stats.NewestTick}");
        Assert.Equal(Expected.Bars(server, "btcusd", 0, newest + 60).Count, stats.Accepted);
    }

    [Fact]
    public async Task A_feed_that_cannot_work_stops_the_silo_at_start_naming_the_setting()
    {
        using var silo = SiloHost([.. SiloArgs(), "--Stream:Live:Feeds:0:Symbol=BTCUSD", "--Stream:Live:Feeds:0:Source=kraken"]);

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => silo.StartAsync());

        Assert.Contains("Stream:Live:Feeds:0:Source: unknown source 'kraken'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_feeds_the_worker_has_nothing_to_do()
    {
        var options = new LiveOptions();

        Assert.Null(options.Problem());
        Assert.Empty(options.Feeds);
    }
}
