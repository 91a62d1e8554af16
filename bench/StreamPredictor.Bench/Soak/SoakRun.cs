using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using StreamPredictor.Sources.Bitstamp;
using StreamPredictor.Sources.Ingestion;
using StreamPredictor.Sources.LocalExchange;
using StreamPredictor.Sources.Monitoring;

namespace StreamPredictor.Bench.Soak;

/// <summary>
/// The soak run: simulated days of trades through the Bitstamp adapter from a local exchange (Kestrel, WebSocket
/// and REST on loopback), both on one accelerated clock, into an embedded silo. The exchange drops every
/// connection at random (in about one hour in six) and, after 15 % of those drops, refuses new connections for the rest of the hour. Afterwards
/// the minutes and daily means in the grain are checked against the market's trades, made again from the seed,
/// and the managed heap (after a full collection) and working set are reported for each simulated half day.
/// </summary>
public static class SoakRun
{
    private const string Pair = "btcusd";

    public static async Task<int> RunAsync(string[] args)
    {
        var c = CultureInfo.InvariantCulture;
        var days = args.Length > 0 ? int.Parse(args[0], c) : 7;
        var factor = args.Length > 1 ? double.Parse(args[1], c) : 3000;
        var maxTrades = args.Length > 2 ? int.Parse(args[2], c) : 40;
        var start = new DateTimeOffset(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);
        var end = start.AddDays(days).ToUnixTimeSeconds();
        var market = new SoakMarket(seed: 7, maxTrades);
        var random = new Random(11);

        await using var silo = await EmbeddedSilo.StartAsync();
        var client = silo.CoHostedClient;
        var symbol = "SOAK" + DateTime.UtcNow.ToString("HHmmss", c);
        var clock = new AcceleratedTimeProvider(start, factor);
        await using var server = await LocalBitstamp.StartAsync(clock);
        var options = new BitstampOptions
        {
            WebSocketUrl = server.WebSocketUrl,
            RestUrl = server.RestUrl,
            CheckInterval = TimeSpan.FromSeconds(10),
            HeartbeatInterval = TimeSpan.FromMinutes(1),
            HeartbeatTimeout = TimeSpan.FromMinutes(30),
            SilenceTimeout = TimeSpan.FromMinutes(60),
            SubscribeTimeout = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromHours(2),
            Grace = TimeSpan.FromMinutes(30),
            RepairDelay = TimeSpan.FromMinutes(35),
            ReconnectDelay = TimeSpan.FromSeconds(10),
            MaxReconnectDelay = TimeSpan.FromMinutes(5),
            RequestTimeout = TimeSpan.FromHours(1),
            RetryDelay = TimeSpan.FromSeconds(10),
            MaxRetryDelay = TimeSpan.FromMinutes(10),
        };
        var counters = new SourceCounters(symbol, "bitstamp:" + Pair);
        using var loggers = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(Environment.GetEnvironmentVariable("STREAM_SOAK_LOG") is null ? Microsoft.Extensions.Logging.LogLevel.None : Microsoft.Extensions.Logging.LogLevel.Debug));
        using var source = new BitstampSource(options, Pair, counters, clock, loggers.CreateLogger<BitstampSource>(), new Random(3));
        // the symbol holds the half hour before the start, so the run begins with a repair up to the first socket minute
        var before = Enumerable.Range(0, 30).SelectMany(m => market.Minute(start.ToUnixTimeSeconds() - ((30 - m) * 60))).ToList();
        server.Record(Pair, before);
        await client.IngestAsync(symbol, ServerBar.Of(before).Select(ToTick));

        using var stop = new CancellationTokenSource();
        var wall = Stopwatch.StartNew();
        var run = Task.Run(() => FeedRunner.RunLiveAsync(client, symbol, source, 4096, null, stop.Token, CancellationToken.None));
        var memory = new List<(double Day, double HeapMb, double CommittedMb, double WorkingSetMb)>();
        long trades = before.Count, drops = 0, outages = 0;
        var nextSample = start.ToUnixTimeSeconds();
        for (var minute = start.ToUnixTimeSeconds(); minute < end; minute += 60)
        {
            var minuteTrades = market.Minute(minute);
            for (var slice = 0; slice < 6; slice++)
            {
                // every 10 s of market time, the trades of those 10 s
                await WaitUntilAsync(clock, minute + ((slice + 1) * 10));
                var sliceTrades = minuteTrades.Where(t => t.Micros / 10_000_000 % 6 == slice).ToList();
                await server.PublishAsync(Pair, sliceTrades);
                trades += sliceTrades.Count;
            }

            if (minute % 3600 == 0)
            {
                server.Tape.Forget(Pair, minute - 86_400);
                if (server.RefuseConnections)
                {
                    server.RefuseConnections = false;
                }
                else if (random.NextDouble() < 1.0 / 6 && server.OpenConnections > 0)
                {
                    drops++;
                    server.RefuseConnections = random.NextDouble() < 0.15;
                    outages += server.RefuseConnections ? 1 : 0;
                    server.DropConnections();
                }
            }

            if (minute >= nextSample)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                memory.Add(((minute - start.ToUnixTimeSeconds()) / 86_400.0, GC.GetTotalMemory(false) / 1e6, GC.GetGCMemoryInfo().TotalCommittedBytes / 1e6, Process.GetCurrentProcess().WorkingSet64 / 1e6));
                nextSample += 43_200;
            }
        }

        server.RefuseConnections = false;
        await WaitUntilAsync(clock, end + (long)(options.RepairDelay + options.Grace).TotalSeconds + 120);
        await stop.CancelAsync();
        var result = await run;
        wall.Stop();

        return Report(symbol, client, market, start.ToUnixTimeSeconds() - 1800, end, counters.Snapshot(), result, memory, trades, drops, outages, wall.Elapsed, days, factor, await client.GetDaysAsync(symbol));
    }

    private static int Report(string symbol, StreamPredictor.Client.StreamClient client, SoakMarket market, long from, long end, SourceStatus status,
        StreamPredictor.Client.IngestResult result, List<(double Day, double HeapMb, double CommittedMb, double WorkingSetMb)> memory, long trades, long drops, long outages,
        TimeSpan wall, int days, double factor, StreamPredictor.Abstractions.Market.DailyBar[] stored)
    {
        var c = CultureInfo.InvariantCulture;
        var expected = new List<ServerBar>();
        for (var minute = from; minute < end; minute += 60)
        {
            expected.AddRange(ServerBar.Of(market.Minute(minute)));
        }

        var expectedDays = expected.GroupBy(b => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(b.Timestamp).UtcDateTime))
            .Select(g => (Date: g.Key, Minutes: g.Count(), Mean: (double)(g.Sum(b => b.Close) / g.Count()))).ToList();
        var daysEqual = expectedDays.Count(e => stored.Any(d => d.Date == e.Date && d.Ticks == e.Minutes && Math.Abs(d.MeanClose - e.Mean) < 1e-6));
        var accepted = result.Stats.Accepted;
        Console.WriteLine(string.Create(c, $"soak {symbol}: {days} simulated days at {factor:N0}x in {wall.TotalSeconds:F0} s; {trades:N0} trades, {expected.Count:N0} minutes with trades"));
        Console.WriteLine(string.Create(c, $"connections dropped {drops} ({outages} of them followed by a 1-hour refusal); reconnects {status.Reconnects}, sessions {status.Sessions}, gaps repaired {status.GapsRepaired} ({status.MinutesRepaired:N0} minutes from REST), late trades {status.LateTrades}, duplicate trades {status.DuplicateTrades}, bad input {status.BadInputTotal}"));
        Console.WriteLine(string.Create(c, $"grain: {accepted:N0} minutes accepted of {expected.Count:N0} expected (lost {Math.Max(0, expected.Count - accepted):N0}), {result.Stats.Duplicates:N0} sent twice, {result.Stats.Rejected:N0} rejected; days equal to the market's: {daysEqual}/{expectedDays.Count}"));
        Console.WriteLine();
        Console.WriteLine("| simulated day | managed heap after full GC (MB) | GC committed (MB) | working set (MB) |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var (day, heap, committed, ws) in memory)
        {
            Console.WriteLine(string.Create(c, $"| {day:F1} | {heap:F1} | {committed:F1} | {ws:F0} |"));
        }

        return accepted == expected.Count && result.Stats.Duplicates == 0 && daysEqual == expectedDays.Count ? 0 : 1;
    }

    private static StreamPredictor.Abstractions.Market.Tick ToTick(ServerBar b) =>
        new(b.Timestamp, (double)b.Open, (double)b.High, (double)b.Low, (double)b.Close, (double)b.Volume);

    private static async Task WaitUntilAsync(AcceleratedTimeProvider clock, long unixSeconds)
    {
        var wait = DateTimeOffset.FromUnixTimeSeconds(unixSeconds) - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock);
        }
    }
}
