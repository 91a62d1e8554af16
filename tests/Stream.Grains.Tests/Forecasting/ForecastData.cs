using System.Collections.Concurrent;
using Stream.Grains.Market;

namespace Stream.Grains.Tests.Forecasting;

/// <summary>The real files in <c>shared/data</c>, found by walking up from the test binaries; imported once per file.</summary>
internal static class ForecastData
{
    public const string BitstampHourly = "bitstamp_btcusd_1h_2018-2022.kaggle.csv";
    public const string Daily = "btcusd_1d_2011-2025.csv";

    private static readonly ConcurrentDictionary<string, IReadOnlyList<DailyBar>> Cache = new();

    public static string Directory { get; } = Find();

    public static string PathOf(string file) => Path.Combine(Directory, file);

    public static IReadOnlyList<DailyBar> Days(string file) => Cache.GetOrAdd(file, f => DailyImport.Run(PathOf(f)).Days);

    public static double[] Prices(string file) => Days(file).Select(d => d.MeanClose).ToArray();

    /// <summary>The last <paramref name="count"/> daily means of a file: a short real series for quick training.</summary>
    public static double[] LastPrices(string file, int count) => Prices(file)[^count..];

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }

        throw new DirectoryNotFoundException($"no shared/data above {AppContext.BaseDirectory}");
    }
}
