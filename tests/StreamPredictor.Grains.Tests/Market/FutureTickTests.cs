using Microsoft.Extensions.Time.Testing;
using StreamPredictor.Grains.Market;

namespace StreamPredictor.Grains.Tests.Market;

public sealed class FutureTickTests
{
    private const long Day = 86_400;
    private static readonly DateTimeOffset Now = new(2021, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private static Tick T(long timestamp, double close = 10) => new(timestamp, close, close, close, close, 1);

    [Fact]
    public void A_tick_further_ahead_of_the_clock_than_the_margin_is_refused_as_future_and_moves_no_day()
    {
        var clock = new FakeTimeProvider(Now);
        var book = new DailyBook(new MarketRules(1) { Clock = clock });
        var now = Now.ToUnixTimeSeconds();
        var producer = Guid.NewGuid();

        book.Apply([T(4_014_000_000), T(now + Day + 1)], producer, 1);
        book.Apply([T(now - 60), T(now + Day), T(now)], producer, 2);

        Assert.Equal(2, book.Stats().RejectedByReason[TickRejectReason.Future]);
        Assert.Equal(2, book.Confirmation(producer).Counts.RejectedByReason[TickRejectReason.Future]);
        Assert.Equal(3, book.Stats().Accepted);
        Assert.Equal(DateOnly.FromDateTime(Now.AddDays(1).UtcDateTime), book.Stats().OpenDay);
    }

    [Fact]
    public void The_margin_follows_the_clock_and_the_configured_skew()
    {
        var clock = new FakeTimeProvider(Now);
        var book = new DailyBook(new MarketRules(1) { Clock = clock, MaxFutureSkew = TimeSpan.FromMinutes(5) });
        var inTenMinutes = Now.AddMinutes(10).ToUnixTimeSeconds();

        book.Apply([T(inTenMinutes)]);
        clock.Advance(TimeSpan.FromMinutes(6));
        book.Apply([T(inTenMinutes)]);

        Assert.Equal(1, book.Stats().RejectedByReason[TickRejectReason.Future]);
        Assert.Equal(1, book.Stats().Accepted);
    }
}
