using System.Diagnostics;

namespace StreamPredictor.Cluster.Tests.Support;

/// <summary>Polls until a condition holds or a deadline passes; the failure names what was awaited and what was last seen.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    public static async Task<T> MatchesAsync<T>(string what, Func<Task<T>> probe, Func<T, bool> done, TimeSpan? deadline = null)
    {
        var limit = deadline ?? DefaultDeadline;
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
                throw new TimeoutException($"{what}: not reached within {limit.TotalSeconds:0} s; last seen: {Describe(value)}");
            }

            await Task.Delay(50);
        }
    }

    private static string Describe<T>(T value) => value switch
    {
        System.Collections.IEnumerable items and not string => $"[{string.Join(", ", items.Cast<object>())}]",
        _ => value?.ToString() ?? "null",
    };
}
