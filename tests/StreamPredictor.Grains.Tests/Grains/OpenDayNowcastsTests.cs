using Microsoft.Extensions.Time.Testing;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Nowcasting;
using StreamPredictor.Grains.Forecasting.Series;

namespace StreamPredictor.Grains.Tests.Grains;

/// <summary>The forecast grain's open-day state on its own: day boundaries, stale words, the publish interval.</summary>
public sealed class OpenDayNowcastsTests
{
    private static readonly DateOnly First = new(2021, 1, 1);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Before_a_closed_day_nothing_is_served_and_a_bar_changes_nothing()
    {
        var open = new OpenDayNowcasts("S", _clock, Interval);

        Assert.False(open.Update(Bar(First, 10, 10, 3), At(First, 3)));
        Assert.Null(open.Current);
        Assert.Null(open.Basis);
    }

    [Fact]
    public void A_new_closed_day_gives_the_final_nowcast_of_the_day_it_closed_and_the_next_days_first()
    {
        var open = new OpenDayNowcasts("S", _clock, Interval);
        var days = Days(40);
        var start = Assert.Single(open.Rebase(Nowcaster(days), days[^1], "naive", 0));
        var today = days[^1].Date.AddDays(1);
        open.Update(Bar(today, 101, 103, 12), At(today, 12));

        var closedToday = Bar(today, 102.5, 104, 24);
        var events = open.Rebase(Nowcaster([.. days, closedToday]), closedToday, "naive", 0);

        Assert.Equal((today, 0, days[^1].MeanClose, 0.0), (start.Date, start.Ticks, start.Value, start.ElapsedShare));
        Assert.Null(start.NextDay);
        Assert.Equal(2, events.Count);
        Assert.Equal((today, 1.0, 102.5, 24), (events[0].Date, events[0].ElapsedShare, events[0].Value, events[0].Ticks));
        Assert.All(events[0].Intervals, i => Assert.Equal(i.Lower, i.Upper));
        Assert.Equal((today.AddDays(1), 0, 102.5), (events[1].Date, events[1].Ticks, events[1].Value));
        Assert.False(open.Pending);
    }

    [Fact]
    public void Stale_words_are_ignored_a_closed_days_bar_and_an_older_tick_time()
    {
        var open = new OpenDayNowcasts("S", _clock, Interval);
        var days = Days(40);
        open.Rebase(Nowcaster(days), days[^1], "naive", 0);
        var today = days[^1].Date.AddDays(1);
        open.Update(Bar(today, 101, 103, 12), At(today, 12));

        Assert.False(open.Update(Bar(days[^1].Date, 1, 1, 1), At(days[^1].Date, 1)));
        Assert.False(open.Update(Bar(today, 90, 90, 6), At(today, 6)));
        Assert.Equal((12, 101.0), (open.Current!.Ticks, open.Current.MeanSoFar));
    }

    [Fact]
    public void An_update_is_due_once_per_interval_and_the_held_one_is_the_latest()
    {
        var open = new OpenDayNowcasts("S", _clock, Interval);
        var days = Days(40);
        open.Rebase(Nowcaster(days), days[^1], "naive", 0);
        var today = days[^1].Date.AddDays(1);

        Assert.True(open.Update(Bar(today, 100, 100, 1), At(today, 1)));
        Assert.Equal(1, open.TakePending().Ticks);
        Assert.False(open.Update(Bar(today, 100.5, 101, 2), At(today, 2)));
        Assert.False(open.Update(Bar(today, 101, 102, 3), At(today, 3)));
        Assert.Equal(Interval, open.DueIn);
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.True(open.DueIn > TimeSpan.Zero);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(TimeSpan.Zero, open.DueIn);
        Assert.True(open.Pending);
        Assert.Equal(3, open.TakePending().Ticks);
        Assert.False(open.Pending);
    }

    [Fact]
    public void The_same_closed_day_again_re_applies_the_open_days_bar()
    {
        var open = new OpenDayNowcasts("S", _clock, Interval);
        var days = Days(40);
        open.Rebase(Nowcaster(days), days[^1], "naive", 0);
        var today = days[^1].Date.AddDays(1);
        open.Update(Bar(today, 101, 103, 12), At(today, 12));
        open.TakePending();

        var revised = days[^1] with { MeanClose = days[^1].MeanClose * 2 };
        var events = open.Rebase(Nowcaster([.. days[..^1], revised]), revised, "naive", 0);

        Assert.Empty(events);
        Assert.True(open.Pending);
        Assert.Equal((today, 12, 101.0), (open.Current!.Date, open.Current.Ticks, open.Current.MeanSoFar));
    }

    private static Nowcaster Nowcaster(IReadOnlyList<DailyBar> days)
    {
        var series = DailySeries.From(days);
        using var naive = NaiveForecaster.Fit(series.Means, NaiveForecaster.CalibrationDays, new TrainingOptions().IntervalLevels);
        return StreamPredictor.Grains.Forecasting.Nowcasting.Nowcaster.Create(naive, series);
    }

    private static DailyBar[] Days(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Bar(First.AddDays(i), 100 + Math.Sin(i), 100 + Math.Cos(i), 24))];

    private static DailyBar Bar(DateOnly date, double mean, double close, int ticks) =>
        new(date, mean, ticks, mean, Math.Max(mean, close) + 1, Math.Min(mean, close) - 1, close, ticks);

    private static DateTimeOffset At(DateOnly date, int hour) => new(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
}
