using System.IO.Compression;

namespace StreamPredictor.Bench;

/// <summary>The shared price files, and larger plain copies made from them in a scratch folder (never committed).</summary>
public static class BenchData
{
    public const string BinanceGz = "binance_btcusdt_1m_2019-2025.csv.gz";

    public static string SharedFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{name} not found in a shared/data folder above {AppContext.BaseDirectory}");
    }

    /// <summary>
    /// The Binance file decompressed, repeated <paramref name="copies"/> times, each copy shifted by
    /// six-year steps into the future so every row stays a distinct, valid tick.
    /// </summary>
    public static string PlainBinance(int copies)
    {
        var path = Path.Combine(Path.GetTempPath(), $"stream-bench-binance-x{copies}.csv");
        if (File.Exists(path))
        {
            return path;
        }

        var lines = ReadLines(SharedFile(BinanceGz));
        using (var writer = new StreamWriter(path + ".tmp"))
        {
            writer.Write(lines[0]);
            writer.Write('\n');
            for (var copy = 0; copy < copies; copy++)
            {
                var shift = copy * 6L * 366 * 86_400;
                foreach (var line in lines.Skip(1))
                {
                    var comma = line.IndexOf(',', StringComparison.Ordinal);
                    writer.Write(long.Parse(line.AsSpan(0, comma), System.Globalization.CultureInfo.InvariantCulture) + shift);
                    writer.Write(line.AsSpan(comma));
                    writer.Write('\n');
                }
            }
        }

        File.Move(path + ".tmp", path);
        return path;
    }

    private static List<string> ReadLines(string gzPath)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(gzPath), CompressionMode.Decompress));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
