namespace StreamPredictor.FaultTests.Support;

/// <summary>
/// One line per fault scenario, appended to <c>fault-report.md</c> in the test output folder (or the file named by
/// <c>STREAM_FAULT_REPORT</c>), so CI can print the figures after the run.
/// </summary>
public static class FaultReport
{
    private static readonly Lock Gate = new();

    public static string Path { get; } = Environment.GetEnvironmentVariable("STREAM_FAULT_REPORT") is { Length: > 0 } configured
        ? configured
        : System.IO.Path.Combine(AppContext.BaseDirectory, "fault-report.md");

    public static void Add(string line)
    {
        lock (Gate)
        {
            File.AppendAllText(Path, line + Environment.NewLine);
        }
    }
}
