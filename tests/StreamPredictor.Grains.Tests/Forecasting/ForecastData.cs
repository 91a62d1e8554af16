using System.Collections.Concurrent;
using StreamPredictor.Grains.Forecasting.Series;
using StreamPredictor.Grains.Market;
using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Grains.Tests.Forecasting;

/// <summary>The real files in <c>shared/data</c> as daily bars and prices, imported once per file.</summary>
internal static class ForecastData
{
    public const string BitstampHourly = SharedData.BitstampHourly;
    public const string Daily = SharedData.Daily;

    private static readonly ConcurrentDictionary<string, IReadOnlyList<DailyBar>> Cache = new();

    public static string PathOf(string file) => SharedData.PathOf(file);

    public static IReadOnlyList<DailyBar> Days(string file) => Cache.GetOrAdd(file, f => DailyImport.Run(PathOf(f)).Days);

    public static DailySeries Series(string file) => DailySeries.From(Days(file));

    public static double[] Prices(string file) => Days(file).Select(d => d.MeanClose).ToArray();

    /// <summary>The last <paramref name="count"/> daily means of a file: a short real series for quick training.</summary>
    public static double[] LastPrices(string file, int count) => Prices(file)[^count..];
}
