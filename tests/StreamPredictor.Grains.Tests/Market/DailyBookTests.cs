using StreamPredictor.Grains.Market;
using StreamPredictor.Grains.Tests.Support;
using StreamPredictor.Ticks;

namespace StreamPredictor.Grains.Tests.Market;

public sealed class DailyBookTests
{
    private const long Day = 86_400;

    private static Tick T(long timestamp, double close) => new(timestamp, close, close, close, close, 1);

    private static Tick[] ReadTicks(string file)
    {
        using var reader = TickReader.Open(SharedData.PathOf(file));
        var ticks = new List<Tick>();
        var chunk = new Tick[4096];
        int read;
        while ((read = reader.Read(chunk)) > 0)
        {
            ticks.AddRange(chunk.AsSpan(0, read));
        }

        return [.. ticks];
    }

    [Fact]
    public void A_file_replayed_in_batches_gives_the_days_of_stream_daily()
    {
        var ticks = ReadTicks(SharedData.CoinbaseMinutes);
        var book = new DailyBook(allowedLatenessDays: 1);

        foreach (var batch in ticks.Chunk(1_000))
        {
            book.Apply(batch);
        }

        Assert.Equal(DailyImport.Run(SharedData.PathOf(SharedData.CoinbaseMinutes)).Days, book.Days(null, null, includeOpenDay: true));
        Assert.Equal(8, book.ClosedDayCount);
    }

    [Fact]
    public void Shuffled_and_repeated_ticks_give_the_same_days_when_lateness_covers_the_file()
    {
        var ticks = ReadTicks(SharedData.BitstampHourly);
        var shuffled = ticks.Concat(ticks.Take(5_000)).ToArray();
        new Random(7).Shuffle(shuffled);
        var book = new DailyBook(allowedLatenessDays: 100_000);

        foreach (var batch in shuffled.Chunk(777))
        {
            book.Apply(batch);
        }

        Assert.Equal(DailyImport.Run(SharedData.PathOf(SharedData.BitstampHourly)).Days, book.Days(null, null, includeOpenDay: true));
        Assert.Equal(5_000, book.Stats().Duplicates);
    }

    [Fact]
    public void A_batch_delivered_twice_changes_no_day()
    {
        var book = new DailyBook(1);
        Tick[] batch = [T(0, 10), T(60, 20), T(Day, 30)];

        var first = book.Apply(batch);
        var before = book.Days(null, null, true);
        var second = book.Apply(batch);

        Assert.Equal(before, book.Days(null, null, true));
        Assert.Single(first.Closed);
        Assert.False(second.HistoryChanged);
        Assert.False(second.RecentChanged);
        Assert.Equal(3, book.Stats().Duplicates);
    }

    [Fact]
    public void A_later_day_closes_the_open_one_and_late_ticks_revise_within_the_lateness()
    {
        var book = new DailyBook(allowedLatenessDays: 1);
        book.Apply([T(0, 10), T(60, 20)]);

        var closing = book.Apply([T(Day, 40)]);
        var revision = book.Apply([T(120, 30)]);
        var tooLate = book.Apply([T((3 * Day) + 5, 50), T(180, 99)]);

        Assert.Equal(15, Assert.Single(closing.Closed).MeanClose);
        Assert.Equal(20, Assert.Single(revision.Revised).MeanClose);
        Assert.Empty(tooLate.Revised);
        Assert.Equal(1, book.Stats().RejectedByReason[TickRejectReason.TooLate]);
        Assert.Equal(1, book.Stats().LateAccepted);
        Assert.Equal([20.0, 40.0, 50.0], book.Days(null, null, true).Select(d => d.MeanClose));
        Assert.Equal([20.0, 40.0], book.LastClosedDays(60).Select(d => d.MeanClose));
    }

    [Fact]
    public void State_saved_and_restored_mid_stream_ends_with_the_same_days()
    {
        var ticks = ReadTicks(SharedData.CoinbaseMinutes);
        var whole = new DailyBook(1);
        whole.Apply(ticks);

        var first = new DailyBook(1);
        var storage = new StoredBook();
        first.Apply(ticks.AsSpan(0, 6_000));
        storage.Save(first);
        var restored = storage.Load(new MarketRules(1));
        restored.Apply(ticks.AsSpan(5_000));

        Assert.Equal(whole.Days(null, null, true), restored.Days(null, null, true));
        Assert.Equal(1_000, restored.Stats().Duplicates);
    }

    [Fact]
    public void Invalid_ticks_are_refused_by_reason()
    {
        var book = new DailyBook(1);

        book.Apply([T(0, 10), T(60, double.NaN), T(120, -1), new Tick(180, 10, 9, 11, 10, 1), T(-5, 10)]);

        var rejected = book.Stats().RejectedByReason;
        Assert.Equal(1, rejected[TickRejectReason.NotFinite]);
        Assert.Equal(1, rejected[TickRejectReason.NonPositivePrice]);
        Assert.Equal(1, rejected[TickRejectReason.HighBelowLow]);
        Assert.Equal(1, rejected[TickRejectReason.TimestampOutOfRange]);
        Assert.Equal(1, book.Stats().Accepted);
    }

    [Fact]
    public void A_producer_batch_delivered_again_changes_no_day_and_counts_nothing_again()
    {
        var book = new DailyBook(1);
        var producer = Guid.NewGuid();

        book.Apply([T(0, 10)], producer, 1);
        book.Apply([T(60, 20)], producer, 2);
        var replay = book.Apply([T(60, 20)], producer, 2);

        Assert.False(replay.HistoryChanged);
        Assert.Equal(2, book.Confirmation(producer).ContiguousThrough);
        Assert.Equal(0, book.Confirmation(Guid.NewGuid()).ContiguousThrough);
        Assert.Equal(15, book.Days(null, null, true).Single().MeanClose);
        Assert.Equal((2L, 0L), (book.Stats().Accepted, book.Stats().Duplicates));
        Assert.Equal((2L, 0L), (book.Confirmation(producer).Counts.Accepted, book.Confirmation(producer).Counts.Duplicates));
    }
}
