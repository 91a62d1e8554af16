using Microsoft.Extensions.Time.Testing;
using StreamPredictor.Grains.Market;

namespace StreamPredictor.Grains.Tests.Market;

public sealed class ProducerLedgerTests
{
    private static Tick T(long timestamp) => new(timestamp, 10, 10, 10, 10, 1);

    [Fact]
    public void Live_producers_beyond_the_soft_cap_keep_their_marks()
    {
        var clock = new FakeTimeProvider();
        var book = new DailyBook(new MarketRules(1) { Clock = clock });
        var producers = Enumerable.Range(0, 1_100).Select(_ => Guid.NewGuid()).ToArray();

        for (var i = 0; i < producers.Length; i++)
        {
            book.Apply([T(i * 60)], producers[i], 1);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.All(producers, p => Assert.True(book.Confirmation(p).IsApplied(1)));
        Assert.All(producers, p => Assert.Equal(1, book.Confirmation(p).Counts.Accepted));
    }

    [Fact]
    public void Above_the_soft_cap_only_producers_idle_for_long_are_forgotten_longest_idle_first()
    {
        var clock = new FakeTimeProvider();
        var rules = new MarketRules(1) { Clock = clock, ProducerSoftCap = 10, ProducerIdleTimeout = TimeSpan.FromMinutes(30) };
        var book = new DailyBook(rules);
        var old = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToArray();
        var live = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var p in old)
        {
            book.Apply([T(0)], p, 1);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        clock.Advance(TimeSpan.FromHours(1));
        foreach (var p in live)
        {
            book.Apply([T(60)], p, 1);
        }

        // 16 marks, cap 10: the six longest-idle old producers go; every live one stays.
        Assert.All(live, p => Assert.Equal(1, book.Confirmation(p).ContiguousThrough));
        Assert.Equal([false, false, false, false, false, false, true, true], old.Select(p => book.Confirmation(p).IsApplied(1)));
    }

    [Fact]
    public void Marks_and_rejected_counts_of_state_written_before_confirmations_read_back()
    {
        var producer = Guid.NewGuid();
        var legacy = new DailyBookState
        {
            LegacyRejected = new() { ["UnparsableNumber"] = 2, ["TooLate"] = 1 },
            Producers = new() { [producer] = new ProducerMark(5, 3) },
        };

        var book = new DailyBook(1, legacy);
        book.Apply([T(0)], producer, 6);

        Assert.Equal(2, book.Stats().RejectedByReason[TickRejectReason.NotFinite]);
        Assert.Equal(1, book.Stats().RejectedByReason[TickRejectReason.TooLate]);
        Assert.Equal(6, book.Confirmation(producer).ContiguousThrough);
        Assert.Equal(1, book.Confirmation(producer).Counts.Accepted);
        Assert.Empty(legacy.LegacyRejected);
    }

    [Fact]
    public void Out_of_order_batches_fill_the_gap_and_unnumbered_ones_are_counted_but_never_confirmed()
    {
        var book = new DailyBook(1);
        var producer = Guid.NewGuid();

        book.Apply([T(0)], producer, 2);
        book.Apply([T(60)], producer, 4);
        var gapped = book.Confirmation(producer);
        book.Apply([T(120)], producer, 1);
        book.Apply([T(180)], producer, 0);

        Assert.Equal(0, gapped.ContiguousThrough);
        Assert.Equal([2L, 4L], gapped.AppliedBeyond);
        Assert.Equal(2, book.Confirmation(producer).ContiguousThrough);
        Assert.Equal([4L], book.Confirmation(producer).AppliedBeyond);
        Assert.False(book.Confirmation(producer).IsApplied(0));
        Assert.Equal(4, book.Confirmation(producer).Counts.Accepted);
    }
}
