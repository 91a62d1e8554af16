using StreamPredictor.Sources.Resilience;

namespace StreamPredictor.Sources.Tests.Resilience;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Delays_double_per_failure_with_jitter_up_to_the_cap_and_reset_after_a_healthy_session()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(7));

        var delays = Enumerable.Range(0, 10).Select(_ => backoff.Next().TotalSeconds).ToArray();

        for (var n = 0; n < delays.Length; n++)
        {
            var ceiling = Math.Min(60, Math.Pow(2, n));
            Assert.InRange(delays[n], ceiling / 2, ceiling);
        }

        Assert.True(delays.Distinct().Count() > 5, "jitter spreads the delays");
        backoff.Reset();
        Assert.InRange(backoff.Next().TotalSeconds, 0.5, 1);
    }

    [Fact]
    public void Two_clients_dropped_together_do_not_come_back_together()
    {
        var a = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(1));
        var b = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(2));

        var same = Enumerable.Range(0, 8).Count(_ => a.Next() == b.Next());

        Assert.Equal(0, same);
    }
}
