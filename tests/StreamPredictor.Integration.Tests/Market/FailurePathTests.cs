using Orleans.Core.Internal;
using Orleans.Runtime;
using Orleans.Streams;
using StreamPredictor.Abstractions.Streams;
using StreamPredictor.Grains.Market;
using StreamPredictor.Integration.Tests.Support;

namespace StreamPredictor.Integration.Tests.Market;

/// <summary>
/// The market grain when its storage or the days stream fails: nothing becomes visible before it is stored, a failed
/// write fails the batch and leaves memory equal to storage, closed days always reach history, day events are sent
/// in the end. Storage is a real SQLite file that fails chosen writes on demand.
/// </summary>
[Collection(FlakySiloCollection.Name)]
public sealed class FailurePathTests(FlakySiloFixture fixture)
{
    private const long Day = 86_400;
    private const long Day0 = 1_609_459_200; // 2021-01-01

    private static Tick T(long timestamp, double close = 10) => new(timestamp, close, close, close, close, 1);

    private static Tick[] Minutes(long day, int count, double close) =>
        [.. Enumerable.Range(0, count).Select(m => T(Day0 + (day * Day) + (m * 60), close + m))];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_failed_state_write_fails_the_batch_and_shows_nothing_of_it_until_it_is_sent_again(bool failAfterWriting)
    {
        var symbol = failAfterWriting ? "WRITE-TIMEOUT" : "WRITE-FAILS";
        var market = fixture.Grains.GetGrain<IMarketGrain>(symbol);
        var producer = Guid.NewGuid();
        await market.IngestAsync(new TickBatch(symbol, Minutes(0, 10, 100), producer, 1));
        var batch = new TickBatch(symbol, Minutes(0, 20, 100)[10..], producer, 2);

        fixture.Storage.FailWrites((grain, _) => grain.EndsWith(symbol, StringComparison.Ordinal), afterWrite: failAfterWriting);
        await Assert.ThrowsAnyAsync<Exception>(() => market.IngestAsync(batch));
        var afterFailure = await market.GetConfirmationAsync(producer);
        var statsAfterFailure = await market.GetStatsAsync();
        await market.IngestAsync(batch);

        // A write that failed before reaching the database shows nothing; one that timed out after committing
        // shows what was stored. Either way memory equals storage, and the retry lands the batch exactly once.
        Assert.Equal(failAfterWriting ? 2 : 1, afterFailure.ContiguousThrough);
        Assert.Equal(failAfterWriting ? 20 : 10, statsAfterFailure.Accepted);
        Assert.Equal(2, (await market.GetConfirmationAsync(producer)).ContiguousThrough);
        Assert.Equal(20, (await market.GetStatsAsync()).Accepted);
        Assert.Equal(20, Assert.Single(await market.GetDaysAsync()).Ticks);
    }

    [Fact]
    public async Task A_closed_day_whose_history_write_failed_reaches_history_and_is_never_dropped()
    {
        const string symbol = "HISTORY-FAILS";
        var market = fixture.Grains.GetGrain<IMarketGrain>(symbol);
        var producer = Guid.NewGuid();
        await market.IngestAsync(new TickBatch(symbol, Minutes(0, 30, 100), producer, 1));
        var closing = new TickBatch(symbol, Minutes(1, 5, 200), producer, 2);

        // The batch that closes day 0 is stored, but its history write fails again and again; it is delivered again.
        fixture.Storage.FailWrites((grain, state) => grain.EndsWith(symbol, StringComparison.Ordinal) && state.StartsWith("history", StringComparison.Ordinal), count: 3);
        await market.IngestAsync(closing);
        await market.IngestAsync(closing);
        await market.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var afterRestart = await market.GetDaysAsync(includeOpenDay: false);

        // Day 0 ages out of the allowed lateness, and the grain starts again from storage.
        await market.IngestAsync(new TickBatch(symbol, Minutes(3, 5, 300), producer, 3));
        await market.IngestAsync(new TickBatch(symbol, Minutes(5, 5, 400), producer, 4));
        await market.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        var days = await market.GetDaysAsync(includeOpenDay: false);
        Assert.Equal(30, Assert.Single(afterRestart).Ticks);
        Assert.Equal([0, 1, 3], days.Select(d => (int)((Tick.DayNumberOf(d.Date) * Day - Day0) / Day)));
        Assert.Equal(30, days[0].Ticks);
        Assert.Equal(114.5, days[0].MeanClose);

        // The retries go on until the month's record is written; then the days come from it after a restart.
        await Eventually.ReturnsAsync(
            () => Task.FromResult(fixture.Storage.Writes.Any(w => w.Grain.EndsWith(symbol, StringComparison.Ordinal) && w.State == "history-2021-01")),
            written => written, "day 0's month written to history");
        await market.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(days, await market.GetDaysAsync(includeOpenDay: false));
    }

    [Fact]
    public async Task A_day_event_whose_publication_failed_is_sent_without_another_batch()
    {
        const string symbol = "EVENT-FAILS";
        var market = fixture.Grains.GetGrain<IMarketGrain>(symbol);
        var received = new TaskCompletionSource<DayEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var days = StreamNames.Get<DayEvent>(fixture.Cluster.Client.GetStreamProvider(StreamNames.Provider), StreamNames.Days, symbol);
        var subscription = await days.SubscribeAsync((e, _) =>
        {
            if (e.Kind == DayEventKind.Closed)
            {
                received.TrySetResult(e);
            }

            return Task.CompletedTask;
        });
        await market.IngestAsync(new TickBatch(symbol, Minutes(0, 10, 100), Guid.NewGuid(), 1));

        fixture.Streams.FailPublishing(StreamNames.Days);
        try
        {
            await market.IngestAsync(new TickBatch(symbol, Minutes(1, 1, 200), Guid.NewGuid(), 1));
        }
        catch (Exception)
        {
            // Today's grain fails the batch; a redelivery would be a duplicate and publish nothing.
        }

        var closed = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await subscription.UnsubscribeAsync();
        Assert.Equal(1, fixture.Streams.Failures);
        Assert.Equal(104.5, closed.Day.MeanClose);
        Assert.Equal(10, closed.Day.Ticks);
    }

    [Fact]
    public async Task A_day_close_writes_a_bounded_amount_however_long_the_history()
    {
        const string symbol = "LONG-HISTORY";
        var market = fixture.Grains.GetGrain<IMarketGrain>(symbol);
        var producer = Guid.NewGuid();
        for (var day = 0; day < 1_500; day++)
        {
            await market.IngestAsync(new TickBatch(symbol, [T(Day0 + (day * Day), 100 + day)], producer, day + 1));
        }

        var history = fixture.Storage.Writes.Where(w => w.Grain.EndsWith(symbol, StringComparison.Ordinal) && w.State.StartsWith("history", StringComparison.Ordinal))
            .Select(w => w.Bytes).ToArray();
        // Closes are written a few weeks at a time, a month's record each: the amount per write does not grow with the history.
        Assert.InRange(history.Length, 1_499 / 31, 1_499);
        Assert.InRange(history[^30..].Average(), 0, 2.0 * history[10..40].Average());
        Assert.InRange(history.Max(), 0, 16 * 1024);
        Assert.Equal(1_499, (await market.GetDaysAsync(includeOpenDay: false)).Length);
    }

    [Fact]
    public async Task A_reload_that_fails_halfway_never_lets_a_stale_book_overwrite_another_activations_batch()
    {
        const string symbol = "HALF-RELOAD";
        var market = fixture.Grains.GetGrain<IMarketGrain>(symbol);
        var producer = Guid.NewGuid();
        await market.IngestAsync(new TickBatch(symbol, Minutes(0, 10, 100), producer, 1));

        // Another activation of the grain (as during a membership change) applies and stores a batch of its own.
        var other = Guid.NewGuid();
        var stored = new GrainState<DailyBookState>(new DailyBookState());
        await fixture.Storage.ReadStateAsync("recent", market.GetGrainId(), stored);
        var theirs = new DailyBook(new MarketRules(1), stored.State);
        theirs.Apply(Minutes(0, 30, 100)[20..], other, 1);
        stored.State = theirs.SaveRecent();
        await fixture.Storage.WriteStateAsync("recent", market.GetGrainId(), stored);

        // This activation's next write conflicts, and one of the reads of its reload fails.
        fixture.Storage.FailReads((grain, state) => grain.EndsWith(symbol, StringComparison.Ordinal) && state == "history");
        var batch = new TickBatch(symbol, Minutes(0, 20, 100)[10..], producer, 2);
        await Assert.ThrowsAnyAsync<Exception>(() => market.IngestAsync(batch));
        await market.IngestAsync(batch);

        Assert.Equal(10, (await market.GetConfirmationAsync(other)).Counts.Accepted);
        Assert.Equal(30, (await market.GetStatsAsync()).Accepted);
        Assert.Equal(30, Assert.Single(await market.GetDaysAsync()).Ticks);
    }
}
