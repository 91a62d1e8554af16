using Microsoft.Extensions.Time.Testing;

namespace StreamPredictor.Sources.Tests.Support;

/// <summary>
/// Moves a fake clock forward in small steps while some work runs, for work that waits on the clock (pacing,
/// back-off) at points the test cannot know. Whatever the machine's speed, the work can only see time pass in
/// these steps, so waits measured on the fake clock hold exactly.
/// </summary>
public static class ClockDriver
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, Func<Task<T>> work, TimeSpan step)
    {
        var task = Task.Run(work);
        var until = DateTime.UtcNow + Wait.Deadline;
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"the work did not finish within {Wait.Deadline.TotalSeconds:F0} s (fake clock at {clock.GetUtcNow():u})");
            }

            clock.Advance(step);
            await Task.Delay(1);
        }

        return await task;
    }
}
