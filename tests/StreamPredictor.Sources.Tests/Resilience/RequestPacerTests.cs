using Microsoft.Extensions.Time.Testing;
using StreamPredictor.Sources.Resilience;

namespace StreamPredictor.Sources.Tests.Resilience;

public sealed class RequestPacerTests
{
    [Fact]
    public async Task Requests_are_spaced_by_the_interval()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20_000));
        var pacer = new RequestPacer(clock, TimeSpan.FromMilliseconds(125), TimeSpan.FromSeconds(30));

        await pacer.WaitTurnAsync(CancellationToken.None);
        var second = pacer.WaitTurnAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(124));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await second;
    }

    [Fact]
    public async Task A_throttling_answer_waits_its_retry_after_and_slows_the_pace_until_answers_are_good_again()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20_000));
        var pacer = new RequestPacer(clock, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));
        await pacer.WaitTurnAsync(CancellationToken.None);

        pacer.Throttled(TimeSpan.FromSeconds(3));
        var next = pacer.WaitTurnAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(2999));
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await next;
        Assert.Equal(TimeSpan.FromMilliseconds(200), pacer.Interval);

        for (var i = 0; i < 20; i++)
        {
            pacer.Succeeded();
        }

        Assert.Equal(TimeSpan.FromMilliseconds(100), pacer.Interval);
    }

    [Fact]
    public void Repeated_throttling_slows_down_to_the_slowest_interval_and_no_further()
    {
        var pacer = new RequestPacer(new FakeTimeProvider(), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));

        for (var i = 0; i < 10; i++)
        {
            pacer.Throttled(null);
        }

        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Interval);
    }
}
