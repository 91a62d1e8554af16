using System.Diagnostics;

namespace StreamPredictor.Api.Tests.Support;

/// <summary>Polls until a condition holds or a generous deadline passes; the failure says what was awaited and last seen.</summary>
public static class Eventually
{
    public static async Task<T> MatchesAsync<T>(string what, Func<Task<T>> probe, Func<T, bool> done, TimeSpan? deadline = null)
    {
        var limit = deadline ?? TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"{what}: not reached within {limit.TotalSeconds:0} s; last seen: {value}");
            }

            await Task.Delay(50);
        }
    }
}
