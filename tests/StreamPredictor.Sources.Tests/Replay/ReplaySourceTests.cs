using Microsoft.Extensions.Time.Testing;
using StreamPredictor.Grains.Market;
using StreamPredictor.Sources.Ingestion;
using StreamPredictor.Sources.Monitoring;
using StreamPredictor.Sources.Replay;
using StreamPredictor.Sources.Tests.Support;

namespace StreamPredictor.Sources.Tests.Replay;

[Collection(SiloCollection.Name)]
public sealed class ReplaySourceTests(SiloFixture silo) : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static SourceCounters Counters(string symbol) => new(symbol, "replay");

    [Fact]
    public async Task A_replay_at_full_speed_leaves_the_grains_with_the_days_the_file_holds()
    {
        var symbol = SiloFixture.NewSymbol("REPLAY");
        var file = SharedData.PathOf(SharedData.BitstampHourly);
        var source = new ReplaySource(file, 0, Counters(symbol), TimeProvider.System);

        var result = await FeedRunner.RunLiveAsync(silo.Client, symbol, source, 4096, null, CancellationToken.None, CancellationToken.None);

        var offline = DailyImport.Run(file).Days;
        var days = await silo.Client.GetDaysAsync(symbol);
        Assert.Equal(37_387, result.TicksSent);
        Assert.Equal(1_559, days.Length);
        Assert.Equal(offline, days);
        Assert.Equal(37_387, source.Counters.Snapshot().MinutesPublished);
    }

    [Fact]
    public async Task Replaying_a_file_again_continues_after_what_the_symbol_holds()
    {
        var symbol = SiloFixture.NewSymbol("REPLAY-RESUME");
        var file = SharedData.PathOf(SharedData.BitstampHourly);
        Tick[] ticks;
        using (var reader = StreamPredictor.Ticks.TickReader.Open(file))
        {
            ticks = [.. reader.ReadBatches(4096).SelectMany(b => b)];
        }

        var half = ticks.Length / 2;
        await silo.Client.IngestAsync(symbol, ticks.Take(half));

        var source = new ReplaySource(file, 0, Counters(symbol), TimeProvider.System);
        var result = await FeedRunner.RunLiveAsync(silo.Client, symbol, source, 4096, null, CancellationToken.None, CancellationToken.None);

        Assert.Equal(ticks.Length - half, result.TicksSent);
        var stats = await silo.Client.GetStatsAsync(symbol);
        Assert.Equal((long)ticks.Length, stats.Accepted);
        Assert.Equal(0, stats.Rejected);
        Assert.Equal(DailyImport.Run(file).Days, await silo.Client.GetDaysAsync(symbol));
    }

    [Fact]
    public async Task Ticks_go_out_at_n_times_their_own_time_with_their_own_timestamps()
    {
        var file = _files.Write("hours.csv", "timestamp,open,high,low,close,volume\n1609459200,1,1,1,1,1\n1609462800,2,2,2,2,1\n1609470000,3,3,3,3,1\n");
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        var source = new ReplaySource(file, 600, Counters("PACE"), clock); // an hour of file time in 6 s
        var seen = new List<Tick>();
        var reading = Task.Run(async () =>
        {
            await foreach (var tick in source.ReadAsync(null, CancellationToken.None))
            {
                lock (seen)
                {
                    seen.Add(tick);
                }
            }
        });
        int Seen()
        {
            lock (seen)
            {
                return seen.Count;
            }
        }

        await Wait.UntilAsync(() => Seen() == 1, "the first tick at once");
        clock.Advance(TimeSpan.FromSeconds(5.9));
        await Task.Delay(50);
        Assert.Equal(1, Seen());
        clock.Advance(TimeSpan.FromSeconds(0.1));
        await Wait.UntilAsync(() => Seen() == 2, "the second tick after 6 s");
        clock.Advance(TimeSpan.FromSeconds(11.9)); // the third is two hours later: 12 s
        await Task.Delay(50);
        Assert.Equal(2, Seen());
        clock.Advance(TimeSpan.FromSeconds(0.1));
        await reading.WaitAsync(Wait.Deadline);

        Assert.Equal([1609459200L, 1609462800, 1609470000], seen.Select(t => t.Timestamp));
    }

    [Fact]
    public async Task Bad_rows_are_counted_by_reason_and_the_replay_goes_on()
    {
        var symbol = SiloFixture.NewSymbol("BADROWS");
        var file = _files.Write("bad.csv", "timestamp,open,high,low,close,volume\n1609459200,1,1,1,1,1\n1609459260,0,1,1,1,1\n1609459320,1,1,1,x,1\n1609459380,2,1,3,2,1\n1609459440,4,4,4,4,1\n");
        var source = new ReplaySource(file, 0, Counters(symbol), TimeProvider.System);

        var result = await FeedRunner.RunLiveAsync(silo.Client, symbol, source, 4096, null, CancellationToken.None, CancellationToken.None);

        Assert.Equal(2, result.TicksSent);
        var bad = source.Counters.Snapshot().BadInput;
        Assert.Equal(1, bad[BadInput.FileRowPrefix + "NonPositivePrice"]);
        Assert.Equal(1, bad[BadInput.FileRowPrefix + "UnparsableNumber"]);
        Assert.Equal(1, bad[BadInput.FileRowPrefix + "HighBelowLow"]);
        Assert.Equal(0, result.Stats.Rejected);
    }

    [Fact]
    public async Task A_stop_ends_the_replay_and_what_was_sent_is_confirmed()
    {
        var symbol = SiloFixture.NewSymbol("STOPPED");
        var file = SharedData.PathOf(SharedData.BitstampHourly);
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(60));
        var source = new ReplaySource(file, 3600, Counters(symbol), clock); // an hour a second
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => FeedRunner.RunLiveAsync(silo.Client, symbol, source, 4096, null, stop.Token, CancellationToken.None));
        await Wait.UntilAsync(() => source.Counters.Snapshot().MinutesPublished == 1, "the first hour at once");
        clock.Advance(TimeSpan.FromSeconds(100));
        await Wait.UntilAsync(() => source.Counters.Snapshot().MinutesPublished == 101, "101 hours replayed");

        await stop.CancelAsync();
        var result = await run.WaitAsync(Wait.Deadline);

        Assert.Equal(101, result.TicksSent);
        Assert.Equal(101, (await silo.Client.GetStatsAsync(symbol)).Accepted);
    }
}
