using StreamPredictor.Cli;

namespace StreamPredictor.Api.Tests.Support;

/// <summary>What <c>stream daily FILE</c> prints, run in-process: the reference the API's days must equal.</summary>
public static class DailyOutput
{
    public static async Task<string> OfAsync(string file)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await StreamCommand.RunAsync(["daily", SharedData.PathOf(file)], output, error);
        Assert.True(exitCode == 0, error.ToString());
        return output.ToString();
    }
}
