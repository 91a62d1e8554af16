namespace StreamPredictor.Client.Tests.Support;

/// <summary>Files of the repository this test build came from, found by walking up to the solution file.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StreamPredictor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no StreamPredictor.sln above {AppContext.BaseDirectory}");
    }
}
