namespace StreamPredictor.Ticks;

/// <summary>A gzip file that is cut short, damaged or not gzip at all: names the file, the member and what failed.</summary>
public sealed class GzipFormatException(string file, string detail) : IOException($"{file}: {detail}")
{
    public string File { get; } = file;

    public string Detail { get; } = detail;
}
