using System.Diagnostics;

namespace StreamPredictor.Cluster.Tests.Support;

/// <summary>
/// Finds a service binary the tests launch: the path in an environment variable (test.sh sets it), else PATH,
/// the usual system folders and test.sh's cache of binaries fetched without root. A missing binary fails the
/// test with what to do; it never skips.
/// </summary>
public static class ServerBinary
{
    private static readonly string[] SystemFolders = ["/usr/local/bin", "/usr/local/sbin", "/usr/bin", "/usr/sbin"];

    public static string Find(string name, string environmentVariable)
    {
        if (Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"{environmentVariable} points at '{configured}', which does not exist");
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.Concat(SystemFolders).Append(TestScriptCache()).Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"{name} not found on PATH or in {string.Join(", ", SystemFolders)}: run the tests with 'bash test.sh', which fetches it " +
                $"without root, or set {environmentVariable} to the binary. The cluster tests start their own {name}.");
    }

    /// <summary>Where test.sh keeps the programs it fetched: $STREAM_TEST_CACHE, else ~/.cache/stream-test-services, then bin.</summary>
    private static string TestScriptCache()
    {
        var cache = Environment.GetEnvironmentVariable("STREAM_TEST_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "stream-test-services");
        return Path.Combine(cache, "bin");
    }

    /// <summary>The first line <c>binary --version</c> prints.</summary>
    public static string Version(string path)
    {
        using var process = Process.Start(new ProcessStartInfo(path, "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
        var line = process.StandardOutput.ReadLine() ?? "";
        process.WaitForExit(5_000);
        return line.Trim();
    }
}
