using StreamPredictor.Grains.Market;
using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Grains.Tests.Market;

/// <summary>
/// A day's way through the book (Open → Revisable → Final, pending history until stored) and the outbox of day
/// events, with the state saved and loaded as the grain does.
/// </summary>
public sealed class DayLifecycleTests
{
    private const long Day = 86_400;

    private static Tick T(long timestamp, double close) => new(timestamp, close, close, close, close, 1);

    [Fact]
    public void Raising_the_lateness_across_a_restart_revises_a_closed_day_from_its_stored_figures()
    {
        var storage = new StoredBook();
        var before = new DailyBook(1);
        Tick[][] batches = [[T(0, 10), T(60, 20), T(120, 30)], [T(Day, 40)], [T(2 * Day, 50)], [T(3 * Day, 60)]];
        foreach (var batch in batches)
        {
            before.Apply(batch);
            storage.Save(before);
        }

        var after = storage.Load(new MarketRules(5));
        Assert.Equal(DayPhase.Revisable, after.PhaseOf(0));
        var revision = after.Apply([T(180, 40), T(0, 99)]);

        var day0 = after.Days(null, null, true)[0];
        Assert.Equal(4, day0.Ticks);
        Assert.Equal(25, day0.MeanClose);
        Assert.Equal(day0, Assert.Single(revision.Revised));
        Assert.Equal(1, after.Stats().Duplicates);
    }

    [Fact]
    public void Lowering_the_lateness_across_a_restart_makes_older_days_final()
    {
        var storage = new StoredBook();
        var before = new DailyBook(3);
        before.Apply([T(0, 10), T(Day, 20), T(2 * Day, 30)]);
        storage.Save(before);

        var after = storage.Load(new MarketRules(1));
        after.Apply([T(60, 99)]);

        Assert.Equal(DayPhase.Final, after.PhaseOf(0));
        Assert.Equal(DayPhase.Revisable, after.PhaseOf(1));
        Assert.Equal(1, after.Stats().RejectedByReason[TickRejectReason.TooLate]);
        Assert.Equal([10.0, 20.0, 30.0], after.Days(null, null, true).Select(d => d.MeanClose));
    }

    [Fact]
    public void A_closed_day_stays_in_the_recent_state_beyond_the_lateness_until_its_history_is_stored()
    {
        var storage = new StoredBook();
        var book = new DailyBook(1);
        book.Apply([T(0, 10), T(60, 20)]);
        book.Apply([T(Day, 30)]);
        book.Apply([T(5 * Day, 40)]);
        storage.Commit(book);

        // Day 0 and day 1 are final, but no history write has gone through yet.
        Assert.Equal(DayPhase.Final, book.PhaseOf(0));
        Assert.Equal([0L, 1L], book.HistoryToWrite().Select(d => d.DayNumber));
        Assert.Equal([0L, 1L, 5L], storage.Recent.RecentDays.Select(d => d.DayNumber));
        Assert.Equal([0L, 1L], storage.Recent.PendingHistory);

        // A restart before the history write: the days are still there, still pending.
        var restarted = storage.Load(new MarketRules(1));
        Assert.Equal([15.0, 30.0], restarted.Days(null, null, false).Select(d => d.MeanClose));
        storage.WriteHistory(restarted);
        storage.Commit(restarted);

        Assert.Empty(restarted.HistoryToWrite());
        Assert.Equal([5L], storage.Recent.RecentDays.Select(d => d.DayNumber));
        Assert.Equal([0L, 1L], storage.History.Select(d => d.DayNumber));
        Assert.Equal([15.0, 30.0], storage.Load(new MarketRules(1)).Days(null, null, false).Select(d => d.MeanClose));
    }

    [Fact]
    public void Day_events_wait_in_the_outbox_until_published_and_a_queued_day_keeps_one_event_with_its_latest_figures()
    {
        var storage = new StoredBook();
        var book = new DailyBook(2);
        book.Apply([T(0, 10), T(Day, 20)]);
        book.Apply([T(60, 30), T(2 * Day, 40)]);
        book.Apply([T(120, 50)]);
        storage.Commit(book);

        var stored = storage.Load(new MarketRules(2));
        Assert.Equal(
            [(DayEventKind.Closed, 30.0), (DayEventKind.Closed, 20.0)],
            stored.Outbox.Select(e => (e.Kind, e.Day.MeanClose)));

        stored.Published(1);
        Assert.Equal([20.0], stored.Outbox.Select(e => e.Day.MeanClose));

        // A revision of a day whose close is still queued updates that event; once published, it is an event of its own.
        book.Apply([T(Day + 60, 60)]);
        Assert.Equal((DayEventKind.Closed, 40.0), (book.Outbox[^1].Kind, book.Outbox[^1].Day.MeanClose));
        book.Published(book.Outbox.Count);
        book.Apply([T(Day + 120, 100)]);
        Assert.Equal((DayEventKind.Revised, 60.0), (Assert.Single(book.Outbox).Kind, book.Outbox[0].Day.MeanClose));
    }

    [Fact]
    public void The_outbox_keeps_the_newest_events_when_nothing_can_be_published()
    {
        var book = new DailyBook(0);

        for (var day = 0; day <= DayEventOutbox.Capacity + 10; day++)
        {
            book.Apply([T(day * Day, day)]);
        }

        Assert.Equal(DayEventOutbox.Capacity, book.Outbox.Count);
        Assert.Equal(DayEventOutbox.Capacity + 9, book.Outbox[^1].Day.MeanClose);
    }

    [Fact]
    public void State_written_before_monthly_history_has_its_closed_recent_days_written_again()
    {
        var legacy = new DailyBookState { NewestDay = 1 };
        var day0 = new DayAccumulator(0);
        day0.TryAdd(T(0, 10));
        var day1 = new DayAccumulator(1);
        day1.TryAdd(T(Day, 20));
        legacy.RecentDays = [day0.ToState(), day1.ToState()];

        var book = new DailyBook(new MarketRules(1), legacy, legacyHistory: [new DailyBar(new DateOnly(1969, 12, 31), 5, 1, 5, 5, 5, 5, 1)]);

        Assert.Equal([0L], book.HistoryToWrite().Select(d => d.DayNumber));
        Assert.Equal([5.0, 10.0, 20.0], book.Days(null, null, true).Select(d => d.MeanClose));
        Assert.Equal(DayPhase.Final, book.PhaseOf(-1));
    }
}
