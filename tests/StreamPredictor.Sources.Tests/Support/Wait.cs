namespace StreamPredictor.Sources.Tests.Support;

/// <summary>Waits for a condition with a generous real-time deadline (the machine may be loaded); the failure names it.</summary>
public static class Wait
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? Deadline);
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"not within {(deadline ?? Deadline).TotalSeconds:F0} s: {what}");
            }

            await Task.Delay(10);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? Deadline);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"not within {(deadline ?? Deadline).TotalSeconds:F0} s: {what}");
            }

            await Task.Delay(20);
        }
    }
}
