namespace StreamPredictor.Grains.Tests.Support;

/// <summary>The real price files in <c>../shared/data</c>, found by walking up from the test's output folder.</summary>
public static class SharedData
{
    public const string BitstampHourly = "bitstamp_btcusd_1h_2018-2022.kaggle.csv";
    public const string CoinbaseMinutes = "coinbase_btcusd_1m_9days.kaggle.csv";
    public const string BinanceMinutes = "binance_btcusdt_1m_2019-2025.csv.gz";
    public const string Daily = "btcusd_1d_2011-2025.csv";

    public static IReadOnlyList<string> AllFiles { get; } = [BitstampHourly, CoinbaseMinutes, BinanceMinutes, Daily];

    public static string Directory { get; } = Find();

    public static string PathOf(string file) => System.IO.Path.Combine(Directory, file);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no shared/data folder above {AppContext.BaseDirectory}");
    }
}
