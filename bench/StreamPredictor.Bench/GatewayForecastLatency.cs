using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using StreamPredictor.Grains.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Bench;

/// <summary>
/// Forecast queries through the gateway: a separate client host talks TCP to an embedded silo holding the
/// daily file's forecast. Latency from sequential calls (one in flight); throughput from concurrent callers.
/// </summary>
public static class GatewayForecastLatency
{
    private const string Symbol = "BTCUSD";

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        await using var silo = await EmbeddedSilo.StartAsync();
        using (var reader = TickReader.Open(BenchData.SharedFile("btcusd_1d_2011-2025.csv")))
        {
            await silo.CoHostedClient.IngestAsync(Symbol, reader.ReadBatches(4096).ToAsyncEnumerable());
        }

        var (host, client) = await silo.ConnectGatewayClientAsync();
        using (host)
        {
            if (await client.GetForecastAsync(Symbol) is null)
            {
                throw new InvalidOperationException("no forecast after ingesting the daily file");
            }

            for (var i = 0; i < 2_000; i++)
            {
                await client.GetForecastAsync(Symbol);
            }

            var micros = new double[calls];
            for (var i = 0; i < calls; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await client.GetForecastAsync(Symbol);
                micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }

            Array.Sort(micros);
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine("| calls | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(c,
                $"| {calls:N0} | {Percentile(micros, 0.5):F0} | {Percentile(micros, 0.9):F0} | {Percentile(micros, 0.99):F0} | {Percentile(micros, 0.999):F0} | {micros[^1]:F0} |"));

            foreach (var callers in new[] { 1, 16, 64 })
            {
                var total = 0L;
                var until = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 3;
                var watch = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
                {
                    var mine = 0L;
                    while (Stopwatch.GetTimestamp() < until)
                    {
                        await client.GetForecastAsync(Symbol);
                        mine++;
                    }

                    Interlocked.Add(ref total, mine);
                }));
                Console.WriteLine(string.Create(c, $"{callers} concurrent callers: {total / watch.Elapsed.TotalSeconds:N0} queries/s"));
            }

            await host.StopAsync();
        }

        return 0;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
