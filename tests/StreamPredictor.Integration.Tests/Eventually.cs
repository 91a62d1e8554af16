namespace StreamPredictor.Integration.Tests;

/// <summary>Polls until a condition holds or a deadline passes; the failure names what was awaited.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: not within {seconds} s; last value {value}");
            }

            await Task.Delay(50);
        }
    }
}
