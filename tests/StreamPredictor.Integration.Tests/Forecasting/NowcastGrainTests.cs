using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StreamPredictor.Grains.Hosting;
using StreamPredictor.Grains.Tests.Support;
using StreamPredictor.Integration.Tests.Support;

namespace StreamPredictor.Integration.Tests.Forecasting;

/// <summary>
/// The forecast grain's nowcast of the open day on an embedded silo, fed by real Bitstamp hours batch by batch. The
/// nowcasts' clock is a <see cref="FakeTimeProvider"/> that stands still unless the test moves it, so the publish interval
/// (1 s) is counted against clock moves, not against real time.
/// </summary>
public sealed class NowcastGrainTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("stream-nowcast-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private EmbeddedSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await EmbeddedSilo.StartAsync(_directory, silo =>
    {
        silo.Services.AddKeyedSingleton<TimeProvider>(ForecastOptions.NowcastClockKey, _clock);
        silo.Services.Configure<ForecastOptions>(o => o.NowcastPublishInterval = TimeSpan.FromSeconds(1));
    });

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_nowcast_starts_at_the_close_forecast_moves_with_each_batch_is_throttled_and_ends_at_the_days_mean()
    {
        const string symbol = "NOWCAST-DAY";
        var days = HourlyDays(12);
        var received = new ConcurrentQueue<Nowcast>();
        await using var subscription = await _silo.Client.SubscribeNowcastsAsync(symbol, n =>
        {
            received.Enqueue(n);
            return Task.CompletedTask;
        });

        // Days 0..9, day 9 still open.
        await _silo.Client.IngestAsync(symbol, days[..10].SelectMany(d => d));
        var day9 = DateOf(days[9]);
        await Eventually.ReturnsAsync(() => _silo.Client.GetNowcastAsync(symbol), n => n?.Date == day9 && n.Ticks == days[9].Length, "the nowcast of day 9, full");

        // Day 10's first hour closes day 9: its final nowcast is its mean, and day 10's first is the forecast made at the close.
        var day10 = DateOf(days[10]);
        await _silo.Client.IngestAsync(symbol, [days[10][0]]);
        var final9 = await ReceivedAsync(received, n => n.Date == day9 && n.ElapsedShare == 1, "the final nowcast of day 9");
        Assert.Equal(days[9].Average(t => t.Close), final9.Value, 6);
        Assert.Equal(days[9].Length, final9.Ticks);
        Assert.All(final9.Intervals, i => Assert.Equal(i.Lower, i.Upper, 6));
        var start10 = await ReceivedAsync(received, n => n.Date == day10 && n.Ticks == 0, "the first nowcast of day 10");
        var forecast = await Eventually.ReturnsAsync(() => _silo.Client.GetForecastAsync(symbol), f => f?.BasedOn == day9, "the forecast made at day 9's close");
        Assert.Equal(forecast!.Value, start10.Value);
        Assert.Equal(days[9].Average(t => t.Close), start10.Value, 6); // naive: the closed day's mean
        Assert.Equal(forecast.Intervals.Select(i => i.Level), start10.Intervals.Select(i => i.Level));

        // Each further hour moves GetNowcastAsync at once; with the clock standing still, nothing more is published.
        var previous = await Eventually.ReturnsAsync(() => _silo.Client.GetNowcastAsync(symbol), n => n?.Date == day10 && n.Ticks == 1, "day 10 after one hour");
        for (var hour = 1; hour < 12; hour++)
        {
            await _silo.Client.IngestAsync(symbol, [days[10][hour]]);
            var now = await Eventually.ReturnsAsync(() => _silo.Client.GetNowcastAsync(symbol), n => n?.Ticks == hour + 1, $"day 10 after {hour + 1} hours");
            Assert.Equal(days[10][..(hour + 1)].Average(t => t.Close), now!.MeanSoFar, 6);
            Assert.Equal(days[10][hour].Close, now.LastPrice);
            Assert.True(now.AsOf > previous!.AsOf);
            Assert.True(now.ElapsedShare > previous.ElapsedShare);
            Assert.Equal(day10.AddDays(1), now.NextDay?.ForDate);
            previous = now;
        }

        // A second on the clock lets the latest (12 hours) out, and only it.
        _clock.Advance(TimeSpan.FromSeconds(1));
        await ReceivedAsync(received, n => n.Date == day10 && n.Ticks == 12, "the nowcast of 12 hours, once the interval is up");
        Assert.Single(received, n => n.Date == day10 && n.Ticks > 0);

        for (var hour = 12; hour < days[10].Length; hour++)
        {
            await _silo.Client.IngestAsync(symbol, [days[10][hour]]);
        }

        await Eventually.ReturnsAsync(() => _silo.Client.GetNowcastAsync(symbol), n => n?.Ticks == days[10].Length, "day 10 complete");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var late = await ReceivedAsync(received, n => n.Date == day10 && n.Ticks == days[10].Length, "the nowcast of the whole day");
        Assert.Equal(2, received.Count(n => n.Date == day10 && n.Ticks > 0));
        Assert.True(Width(late) < Width(start10), $"the 80 % interval narrows as the day fills: {Width(late)} against {Width(start10)}");

        // Day 11's first hour closes day 10: published at once although the clock stands still.
        await _silo.Client.IngestAsync(symbol, [days[11][0]]);
        var final10 = await ReceivedAsync(received, n => n.Date == day10 && n.ElapsedShare == 1, "the final nowcast of day 10");
        Assert.Equal(days[10].Average(t => t.Close), final10.Value, 6);
        Assert.Null(final10.NextDay);
    }

    [Fact]
    public async Task The_next_day_forecast_in_the_nowcast_moves_with_the_open_days_data()
    {
        const string symbol = "NOWCAST-NEXT";
        var days = HourlyDays(8);
        await _silo.Client.IngestAsync(symbol, days[..7].SelectMany(d => d).Append(days[7][0]));
        var first = await Eventually.ReturnsAsync(() => _silo.Client.GetNowcastAsync(symbol), n => n?.Ticks == 1, "day 7 after one hour");
        var moved = days[7][1] with { Open = days[7][1].Open * 1.2, High = days[7][1].High * 1.2, Low = days[7][1].Low * 1.2, Close = days[7][1].Close * 1.2 };
        await _silo.Client.IngestAsync(symbol, [moved]);
        var second = await Eventually.ReturnsAsync(() => _silo.Client.GetNowcastAsync(symbol), n => n?.Ticks == 2, "day 7 after two hours");

        Assert.NotNull(first!.NextDay);
        Assert.True(second!.NextDay!.Value > first.NextDay.Value * 1.1, $"a 20 % jump moves the next day's forecast: {first.NextDay.Value} then {second.NextDay.Value}");
        Assert.Equal(DateOf(days[7]), second.NextDay.BasedOn);
        var closeForecast = await _silo.Client.GetForecastAsync(symbol);
        Assert.Equal(DateOf(days[6]), closeForecast!.BasedOn);
    }

    private static Tick[][] HourlyDays(int count) =>
        [.. TickFiles.Ticks(SharedData.BitstampHourly).OrderBy(t => t.Timestamp).GroupBy(t => t.DayNumber).Where(g => g.Count() == 24).Take(count).Select(g => g.ToArray())];

    private static DateOnly DateOf(Tick[] day) => Tick.DateOf(day[0].DayNumber);

    private static double Width(Nowcast n) => n.Intervals[0].Upper - n.Intervals[0].Lower;

    private static async Task<Nowcast> ReceivedAsync(ConcurrentQueue<Nowcast> received, Func<Nowcast, bool> match, string what) =>
        (await Eventually.ReturnsAsync(() => Task.FromResult(received.FirstOrDefault(match)), n => n is not null, what))!;
}
