using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamPredictor.Client;
using StreamPredictor.Client.Hosting;
using StreamPredictor.FaultTests.Support;
using StreamPredictor.Grains.Hosting;
using StreamPredictor.Grains.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Bench;

/// <summary>
/// Cluster ingest through NATS JetStream, with the services' durability settings on and off: the Binance file's
/// ticks (read into memory first) published through the SDK to a private nats-server, delivered to a cluster-profile
/// silo in this process and stored in a private redis-server, until the market grain has stored the last batch.
/// Each setting gets fresh servers in a temporary folder; each round a new symbol; every round's days are checked
/// against stream daily's.
/// </summary>
public static class ClusterIngestThroughput
{
    private static readonly (string Name, string RedisFsync, string? NatsSync)[] Settings =
    [
        ("durable: redis appendfsync always, nats sync_interval always", "always", "always"),
        ("redis appendfsync everysec, nats sync_interval always", "everysec", "always"),
        ("defaults: redis without AOF, nats sync_interval 2 min", "off", null),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var batchSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4096;
        using var reader = TickReader.Open(BenchData.SharedFile(BenchData.BinanceGz));
        var batches = reader.ReadBatches(batchSize).ToArray();
        var ticks = batches.Sum(b => (long)b.Length);
        var expectedDays = DailyImport.Run(BenchData.SharedFile(BenchData.BinanceGz)).Days;

        Console.WriteLine("| setting | round | ticks | batch | seconds | ticks/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var medians = new List<string>();
        foreach (var (name, redisFsync, natsSync) in Settings)
        {
            var folder = Directory.CreateTempSubdirectory("stream-bench-cluster-");
            try
            {
                await using var redis = new RedisServer(Path.Combine(folder.FullName, "redis"), redisFsync);
                await using var nats = new NatsServer(Path.Combine(folder.FullName, "nats"), natsSync);
                await redis.StartAsync();
                await nats.StartAsync();
                using var silo = await StartSiloAsync(redis, nats);
                using var clientHost = await StartClientAsync(redis, nats);
                var client = clientHost.Services.GetRequiredService<StreamClient>();
                var seconds = new List<double>();
                for (var round = 1; round <= rounds; round++)
                {
                    var symbol = $"BENCH{round}";
                    var result = await client.IngestAsync(symbol, batches.ToAsyncEnumerable());
                    if (!(await client.GetDaysAsync(symbol)).SequenceEqual(expectedDays))
                    {
                        throw new InvalidOperationException($"{name}, {symbol}: the stored days differ from stream daily's");
                    }

                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {round} | {ticks:N0} | {batchSize} | {result.Elapsed.TotalSeconds:F2} | {result.TicksPerSecond:N0} |"));
                    seconds.Add(result.Elapsed.TotalSeconds);
                }

                var median = seconds.Order().ElementAt(seconds.Count / 2);
                medians.Add(string.Create(CultureInfo.InvariantCulture, $"| {name} | {median:F2} | {ticks / median:N0} |"));

                await clientHost.StopAsync();
                await silo.StopAsync();
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| setting | median seconds | ticks/s |");
        Console.WriteLine("|---|---:|---:|");
        medians.ForEach(Console.WriteLine);
        return 0;
    }

    private static async Task<IHost> StartSiloAsync(RedisServer redis, NatsServer nats)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stream:Silo:Profile"] = "cluster",
            ["Stream:Silo:Redis"] = redis.Connection,
            ["Stream:Silo:NatsUrl"] = nats.Url,
            ["Stream:Silo:SiloPort"] = EmbeddedSiloHost.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Stream:Silo:GatewayPort"] = EmbeddedSiloHost.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = "bench",
            ["Orleans:ServiceId"] = "bench",
            ["Orleans:Endpoints:AdvertisedIPAddress"] = "127.0.0.1",
        });
        builder.UseOrleans(silo => silo.UseStream(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<IHost> StartClientAsync(RedisServer redis, NatsServer nats)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddStreamClient(configure: o =>
        {
            o.Redis = redis.Connection;
            o.NatsUrl = nats.Url;
            o.ClusterId = "bench";
            o.ServiceId = "bench";
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
