using System.Diagnostics;
using System.Globalization;
using StreamPredictor.Grains.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Bench;

/// <summary>
/// Resident memory of a running embedded silo under sustained ingest: the Binance file (399,791 ticks) published
/// through the SDK under one new symbol after another (20 symbols: 8.0 million ticks), with the silo's process
/// resident set size (and the managed heap after a full collection) printed every few symbols. The client lives in
/// the silo's process, as in the CLI's --embedded; the batches are read once, before the first measurement.
/// </summary>
public static class IngestMemory
{
    public static async Task<int> RunAsync(string[] args)
    {
        var symbols = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var every = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        using var reader = TickReader.Open(BenchData.SharedFile(BenchData.BinanceGz));
        var batches = reader.ReadBatches(4096).ToArray();
        var ticksPerSymbol = batches.Sum(b => (long)b.Length);
        var expectedDays = DailyImport.Run(BenchData.SharedFile(BenchData.BinanceGz)).Days;

        await using var silo = await EmbeddedSilo.StartAsync();
        var client = silo.CoHostedClient;
        await client.IngestAsync("WARMUP", batches.Take(2).ToAsyncEnumerable());
        Console.WriteLine("| symbols | ticks | seconds | RSS MB | managed heap MB |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        Report(0, 0, TimeSpan.Zero);
        var started = Stopwatch.StartNew();
        for (var symbol = 1; symbol <= symbols; symbol++)
        {
            var name = $"MEM{symbol}";
            await client.IngestAsync(name, batches.ToAsyncEnumerable());
            if (symbol % every == 0 || symbol == symbols)
            {
                if (!(await client.GetDaysAsync(name)).SequenceEqual(expectedDays))
                {
                    throw new InvalidOperationException($"{name}: the stored days differ from stream daily's");
                }

                Report(symbol, symbol * ticksPerSymbol, started.Elapsed);
            }
        }

        return 0;
    }

    private static void Report(int symbols, long ticks, TimeSpan elapsed)
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {symbols} | {ticks:N0} | {elapsed.TotalSeconds:F1} | {process.WorkingSet64 / 1e6:F0} | {heap / 1e6:F0} |"));
    }
}
