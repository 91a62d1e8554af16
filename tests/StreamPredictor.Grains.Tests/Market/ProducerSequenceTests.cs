using StreamPredictor.Grains.Market;

namespace StreamPredictor.Grains.Tests.Market;

/// <summary>
/// The producer-sequence contract of <see cref="TickBatch"/>: ticks are deduplicated by timestamp, never by batch
/// number, so no numbering (0, restarted, out of order) can make the book drop a tick it has not counted.
/// </summary>
public sealed class ProducerSequenceTests
{
    private const long Day = 86_400;

    private static Tick T(long timestamp, double close = 10) => new(timestamp, close, close, close, close, 1);

    [Fact]
    public void A_batch_numbered_0_with_a_producer_is_applied()
    {
        var book = new DailyBook(1);

        book.Apply([T(0, 10), T(60, 20)], Guid.NewGuid(), 0);

        Assert.Equal(2, book.Stats().Accepted);
        Assert.Equal(15, Assert.Single(book.Days(null, null, true)).MeanClose);
    }

    [Fact]
    public void A_producer_id_reused_after_a_restart_loses_no_batch()
    {
        var book = new DailyBook(1);
        var producer = Guid.NewGuid();
        book.Apply([T(0)], producer, 1);
        book.Apply([T(60)], producer, 2);
        book.Apply([T(120)], producer, 3);

        // The producer restarts, numbering from 1 again, with new ticks.
        book.Apply([T(180)], producer, 1);
        book.Apply([T(240), T(60)], producer, 2);

        Assert.Equal(5, book.Stats().Accepted);
        Assert.Equal(1, book.Stats().Duplicates);
        Assert.Equal(5, Assert.Single(book.Days(null, null, true)).Ticks);
    }

    [Fact]
    public void Batches_landing_out_of_order_are_all_applied()
    {
        var book = new DailyBook(1);
        var producer = Guid.NewGuid();

        book.Apply([T(0)], producer, 1);
        book.Apply([T(120)], producer, 3);
        book.Apply([T(60)], producer, 2);

        Assert.Equal(3, book.Stats().Accepted);
        Assert.Equal(3, Assert.Single(book.Days(null, null, true)).Ticks);
    }

    [Fact]
    public void A_known_batch_delivered_again_after_its_day_became_final_is_not_counted_again_nor_too_late()
    {
        var book = new DailyBook(1);
        var producer = Guid.NewGuid();
        book.Apply([T(0), T(60)], producer, 1);
        book.Apply([T(5 * Day)], producer, 2);

        book.Apply([T(0), T(60)], producer, 1);

        Assert.Equal(3, book.Stats().Accepted);
        Assert.Equal(0, book.Stats().Duplicates);
        Assert.Equal(0, book.Stats().Rejected);
    }

    [Fact]
    public void A_batch_resent_after_it_was_applied_counts_nothing_twice()
    {
        var book = new DailyBook(1);
        var producer = Guid.NewGuid();
        book.Apply([T(0), T(60), T(60), new Tick(120, double.NaN, double.NaN, double.NaN, double.NaN, 1)], producer, 1);
        var first = book.Stats();

        // The SDK resends a batch whose confirmation it had not seen yet; the stream delivers both copies.
        var again = book.Apply([T(0), T(60), T(60), new Tick(120, double.NaN, double.NaN, double.NaN, double.NaN, 1)], producer, 1);

        Assert.True(again.Redelivered); // the grain's stream.batches.redelivered metric

        var stats = book.Stats();
        Assert.Equal((2L, 1L, 1L), (stats.Accepted, stats.Duplicates, stats.Rejected));
        Assert.Equal((first.Accepted, first.Duplicates, first.Rejected), (stats.Accepted, stats.Duplicates, stats.Rejected));
        var counts = book.Confirmation(producer).Counts;
        Assert.Equal((2L, 1L, 1L), (counts.Accepted, counts.Duplicates, counts.Rejected));
    }
}
