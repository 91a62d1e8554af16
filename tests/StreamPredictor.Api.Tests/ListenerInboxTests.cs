using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Api.Events;

namespace StreamPredictor.Api.Tests;

/// <summary>A listener's inbox: forecasts in order up to its buffer, only the newest nowcast, and writers that never block.</summary>
public sealed class ListenerInboxTests
{
    private static readonly DateOnly Day = new(2024, 7, 2);

    [Fact]
    public async Task A_flood_of_nowcasts_never_crowds_out_a_forecast_and_only_the_newest_nowcast_is_kept()
    {
        var inbox = new ListenerInbox();
        var forecast = Forecast(1);

        inbox.Post(forecast);
        for (var i = 1; i <= 1_000; i++)
        {
            inbox.Post(TestNowcasts.Make("S", Day, i, i / 1_000.0));
        }

        Assert.True(await inbox.WaitAsync(CancellationToken.None));
        Assert.True(inbox.TryTakeForecast(out var taken));
        Assert.Equal(forecast, taken);
        Assert.False(inbox.TryTakeForecast(out _));
        Assert.Equal(1_000, inbox.TakeNowcast()!.Value);
        Assert.Null(inbox.TakeNowcast());
    }

    [Fact]
    public async Task A_slow_listener_keeps_the_newest_forecasts_up_to_its_buffer()
    {
        var inbox = new ListenerInbox();

        for (var i = 1; i <= ListenerInbox.ForecastBuffer + 5; i++)
        {
            inbox.Post(Forecast(i));
        }

        Assert.True(await inbox.WaitAsync(CancellationToken.None));
        var values = new List<double>();
        while (inbox.TryTakeForecast(out var f))
        {
            values.Add(f.Value);
        }

        Assert.Equal(Enumerable.Range(6, ListenerInbox.ForecastBuffer).Select(i => (double)i), values);
    }

    [Fact]
    public async Task A_post_after_the_reader_woke_wakes_it_again_and_a_completed_inbox_ends_the_reader()
    {
        var inbox = new ListenerInbox();
        inbox.Post(TestNowcasts.Make("S", Day, 1, 0.1));
        Assert.True(await inbox.WaitAsync(CancellationToken.None));
        Assert.Equal(1, inbox.TakeNowcast()!.Value);

        var waiting = inbox.WaitAsync(CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        inbox.Post(TestNowcasts.Make("S", Day, 2, 0.2));
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, inbox.TakeNowcast()!.Value);

        inbox.Complete();
        Assert.False(await inbox.WaitAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static Forecast Forecast(double value) =>
        new("S", Day, value, [new ForecastInterval(0.8, value - 1, value + 1)], "naive", 0, Day.AddDays(-1), DateTimeOffset.UtcNow);
}
