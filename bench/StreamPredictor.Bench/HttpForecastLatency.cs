using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamPredictor.Api.Hosting;
using StreamPredictor.Api.Security;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.Bench;

/// <summary>
/// Forecast reads through the HTTP API: an embedded silo with the API on Kestrel (loopback), holding the daily
/// file's forecast, asked by an HttpClient with an API key, as the gateway benchmark asks through the gateway.
/// Latency from sequential requests (one in flight, body read); throughput from concurrent callers.
/// </summary>
public static class HttpForecastLatency
{
    private const string Symbol = "BTCUSD";

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var data = Directory.CreateTempSubdirectory("stream-bench-http-");
        var key = ApiKeyHash.NewKey();
        using var host = StreamHost.BuildEmbedded(new StreamSiloOptions { DataDirectory = data.FullName, SiloPort = 0, GatewayPort = 0 },
        [
            new("Stream:Http:Port", "0"),
            new("Stream:Http:Addresses:0", "127.0.0.1"),
            new("Stream:Http:ApiKeys:0:Name", "bench"),
            new("Stream:Http:ApiKeys:0:Hash", ApiKeyHash.Of(key)),
            new("Stream:Http:ApiKeys:0:Scopes:0", StreamScopes.Read),
            new("Stream:Http:ApiKeys:0:Scopes:1", StreamScopes.Write),
            new("Stream:Http:ApiKeys:0:PermitsPerPeriod", "100000000"),
        ], LogLevel.Error);
        await host.StartAsync();
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = Address(host) };
            client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
            var daily = await File.ReadAllBytesAsync(BenchData.SharedFile("btcusd_1d_2011-2025.csv"));
            (await client.PostAsync($"/api/symbols/{Symbol}/ticks", new ByteArrayContent(daily) { Headers = { { "Content-Type", "text/csv" } } })).EnsureSuccessStatusCode();
            await WaitForForecastAsync(client);

            for (var i = 0; i < 2_000; i++)
            {
                await ReadAsync(client);
            }

            var micros = new double[calls];
            for (var i = 0; i < calls; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await ReadAsync(client);
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
                var rate = await ThroughputAsync(callers, () => ReadAsync(client));
                Console.WriteLine(string.Create(c, $"{callers} concurrent callers: {rate:N0} requests/s"));
            }

            // The HTTP stack alone (no credentials, no grain call): what the forecast path costs beyond it.
            var bare = await ThroughputAsync(16, () => client.GetByteArrayAsync("/health/live"));
            Console.WriteLine(string.Create(c, $"16 concurrent callers of /health/live: {bare:N0} requests/s"));
        }
        finally
        {
            await host.StopAsync();
            data.Delete(recursive: true);
        }

        return 0;
    }

    private static async Task<double> ThroughputAsync(int callers, Func<Task> request)
    {
        var total = 0L;
        var until = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 3);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            var mine = 0L;
            while (Stopwatch.GetTimestamp() < until)
            {
                await request();
                mine++;
            }

            Interlocked.Add(ref total, mine);
        }));
        return total / watch.Elapsed.TotalSeconds;
    }

    private static async Task ReadAsync(HttpClient client)
    {
        using var response = await client.GetAsync($"/api/symbols/{Symbol}/forecast");
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task WaitForForecastAsync(HttpClient client)
    {
        var deadline = Stopwatch.StartNew();
        while ((await client.GetAsync($"/api/symbols/{Symbol}/forecast")).StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new InvalidOperationException("no forecast a minute after ingesting the daily file");
            }

            await Task.Delay(50);
        }
    }

    private static Uri Address(IHost host) => new(host.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
