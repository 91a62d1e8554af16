using System.Globalization;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Grains.Market;
using StreamPredictor.Grains.Storage;
using StreamPredictor.Ticks;

namespace StreamPredictor.Bench;

/// <summary>
/// End-to-end ingest: ticks of the Binance file published through the SDK (memory streams, embedded profile,
/// SQLite state) until the market grain has applied and stored the last batch. The file is read into memory
/// first, so parsing is not timed. Each round uses a new symbol. Arguments: rounds, batch size, SQLite's
/// synchronous mode (full, the embedded profile's default, or normal), and nowcasting (on, the default, or off:
/// <c>Stream:Forecast:Nowcasting</c>, whether the market grain tells the forecast grain of the open day per batch).
/// </summary>
public static class IngestThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var batchSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4096;
        var synchronous = args.Length > 2 ? Enum.Parse<SqliteSynchronous>(args[2], ignoreCase: true) : SqliteSynchronous.Full;
        var nowcasting = args.Length <= 3 || args[3] switch
        {
            "on" => true,
            "off" => false,
            _ => throw new ArgumentException($"nowcasting '{args[3]}': use on or off"),
        };
        using var reader = TickReader.Open(BenchData.SharedFile(BenchData.BinanceGz));
        var batches = reader.ReadBatches(batchSize).ToArray();
        var ticks = batches.Sum(b => (long)b.Length);
        var expectedDays = DailyImport.Run(BenchData.SharedFile(BenchData.BinanceGz)).Days;

        await using var silo = await EmbeddedSilo.StartAsync(synchronous, nowcasting);
        Console.WriteLine($"SQLite synchronous={synchronous}, nowcasting {(nowcasting ? "on" : "off")}");
        var client = silo.CoHostedClient;
        Console.WriteLine("| round | ticks | batch | seconds | ticks/s | CPU seconds (all threads) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        for (var round = 1; round <= rounds; round++)
        {
            var symbol = $"BENCH{round}";
            var cpu = Environment.CpuUsage.TotalTime;
            var result = await client.IngestAsync(symbol, batches.ToAsyncEnumerable());
            var days = await client.GetDaysAsync(symbol);
            if (!days.SequenceEqual(expectedDays))
            {
                throw new InvalidOperationException($"{symbol}: the stored days differ from stream daily's");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {round} | {ticks:N0} | {batchSize} | {result.Elapsed.TotalSeconds:F2} | {result.TicksPerSecond:N0} | {(Environment.CpuUsage.TotalTime - cpu).TotalSeconds:F2} |"));
        }

        return 0;
    }
}
