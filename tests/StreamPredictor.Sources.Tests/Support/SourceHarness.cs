using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StreamPredictor.Sources.Bitstamp;
using StreamPredictor.Sources.LocalExchange;
using StreamPredictor.Sources.Monitoring;

namespace StreamPredictor.Sources.Tests.Support;

/// <summary>
/// The real Bitstamp source against the local exchange, both on one fake clock that the test moves. Bars the
/// source hands out are collected in <see cref="Bars"/>.
/// </summary>
public sealed class SourceHarness : IAsyncDisposable
{
    public const string Pair = "btcusd";

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Tick> _bars = [];
    private Task? _reading;

    private SourceHarness(FakeTimeProvider clock, LocalBitstamp server, BitstampSource source)
    {
        Clock = clock;
        Server = server;
        Source = source;
    }

    public FakeTimeProvider Clock { get; }

    public LocalBitstamp Server { get; }

    public BitstampSource Source { get; }

    public SourceCounters Counters => Source.Counters;

    public IReadOnlyList<Tick> Bars
    {
        get
        {
            lock (_bars)
            {
                return [.. _bars];
            }
        }
    }

    public long Now => Clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>
    /// Options for tests: the defaults, with the endpoints of the local exchange, and liveness timeouts long enough
    /// that a test moving the clock faster than the server answers is not mistaken for a dead connection (the tests
    /// of liveness set them back).
    /// </summary>
    public static BitstampOptions Options(LocalBitstamp server, Action<BitstampOptions>? configure = null)
    {
        var options = new BitstampOptions
        {
            WebSocketUrl = server.WebSocketUrl,
            RestUrl = server.RestUrl,
            HeartbeatTimeout = TimeSpan.FromMinutes(10),
            SilenceTimeout = TimeSpan.FromMinutes(10),
            RequestTimeout = TimeSpan.FromMinutes(10),
        };
        configure?.Invoke(options);
        return options;
    }

    /// <param name="sourceClock">The clock the source sees (by default the fake clock itself).</param>
    public static async Task<SourceHarness> StartAsync(DateTimeOffset start, Action<BitstampOptions>? configure = null, int seed = 1, Func<FakeTimeProvider, TimeProvider>? sourceClock = null)
    {
        var clock = new FakeTimeProvider(start);
        var server = await LocalBitstamp.StartAsync(clock);
        var counters = new SourceCounters("T" + Guid.NewGuid().ToString("N")[..8], "bitstamp:" + Pair);
        var sends = new SendTimes(clock);
        var source = new BitstampSource(Options(server, configure), Pair, counters, sourceClock?.Invoke(clock) ?? clock, FileLogger.Create(), new Random(seed), sends);
        return new SourceHarness(clock, server, source) { RestSends = sends };
    }

    /// <summary>When the source sent each REST request, on the fake clock.</summary>
    public SendTimes RestSends { get; private init; } = null!;

    /// <summary>Starts reading the source from <paramref name="resumeFrom"/> into <see cref="Bars"/>.</summary>
    public void Read(long? resumeFrom)
    {
        _reading = Task.Run(async () =>
        {
            await foreach (var bar in Source.ReadAsync(resumeFrom, _stop.Token))
            {
                lock (_bars)
                {
                    _bars.Add(bar);
                }
            }
        });
    }

    /// <summary>Asks the source to stop and waits until its sequence has ended.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_reading is not null)
        {
            await _reading.WaitAsync(Wait.Deadline);
        }
    }

    /// <summary>Waits until the source has read every message the server sent.</summary>
    public Task SettleAsync() =>
        Wait.UntilAsync(() => Counters.MessagesReceived >= Server.MessagesSent, $"the source read what the server sent ({Describe()})");

    public string Describe() => Counters.Snapshot() is var s
        ? $"clock {Clock.GetUtcNow():u}, server sent {Server.MessagesSent}, connections {Server.Connections}, subscriptions {Server.Subscriptions}; source read {s.MessagesReceived}, sessions {s.Sessions}, reconnects {s.Reconnects}, connected {s.Connected}, heartbeats {s.HeartbeatsSent}/{s.HeartbeatsAnswered}"
        : "";

    /// <summary>Moves the clock forward in steps, letting the source read what was sent after each.</summary>
    public async Task AdvanceAsync(TimeSpan span, TimeSpan? step = null)
    {
        var size = step ?? TimeSpan.FromSeconds(1);
        for (var moved = TimeSpan.Zero; moved < span; moved += size)
        {
            Clock.Advance(size);
            await SettleAsync();
        }
    }

    /// <summary>Moves the clock in steps until <paramref name="condition"/> holds (a real-time deadline applies).</summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, string what, TimeSpan? step = null)
    {
        var until = DateTime.UtcNow + Wait.Deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"not within {Wait.Deadline.TotalSeconds:F0} s: {what}");
            }

            Clock.Advance(step ?? TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }
    }

    /// <summary>Publishes one minute of trades (shuffled, with duplicates) at the middle of that minute, and waits until they are read.</summary>
    public async Task<List<ServerTrade>> TradeMinuteAsync(TradeMaker maker, long minute)
    {
        var trades = maker.Minute(minute);
        await Server.PublishAsync(Pair, maker.Shuffled(trades));
        await SettleAsync();
        return trades;
    }

    /// <summary>Trades each minute from the clock's minute until <paramref name="until"/>, published mid-minute, read before the clock moves on.</summary>
    public async Task TradeUntilAsync(TradeMaker maker, long until)
    {
        while (Now < until)
        {
            var minute = Now / 60 * 60;
            await AdvanceAsync(TimeSpan.FromSeconds(minute + 30 - Now));
            await TradeMinuteAsync(maker, minute);
            await AdvanceAsync(TimeSpan.FromSeconds(30));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_reading is not null)
        {
            try
            {
                await _reading.WaitAsync(Wait.Deadline);
            }
            catch (Exception)
            {
                // the test has already failed or asserted what it needed
            }
        }

        Source.Dispose();
        RestSends.Dispose();
        await Server.DisposeAsync();
        _stop.Dispose();
    }
}
