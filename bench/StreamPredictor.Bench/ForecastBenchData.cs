using StreamPredictor.Grains.Market;

namespace StreamPredictor.Bench;

/// <summary>Daily means of the shared daily file, for the forecasting benchmarks.</summary>
public static class ForecastBenchData
{
    private static readonly Lazy<double[]> LazyPrices = new(() =>
        DailyImport.Run(Find("btcusd_1d_2011-2025.csv")).Days.Select(d => d.MeanClose).ToArray());

    public static double[] DailyPrices => LazyPrices.Value;

    /// <summary>The last prices of the file giving exactly <paramref name="windows"/> training windows of <paramref name="history"/> days.</summary>
    public static double[] ForWindows(int windows, int history) => DailyPrices[^(windows + history)..];

    private static string Find(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", name);
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException($"{name} not found in a shared/data folder above {AppContext.BaseDirectory}");
    }
}
