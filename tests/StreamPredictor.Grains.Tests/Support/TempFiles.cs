using System.IO.Compression;
using System.Text;

namespace StreamPredictor.Grains.Tests.Support;

/// <summary>Small fixture files written for one test and deleted with it.</summary>
public sealed class TempFiles : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("stream-tests-").FullName;

    public string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public string WriteGzip(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(content));
        return path;
    }

    public string PathOf(string name) => Path.Combine(_directory, name);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
