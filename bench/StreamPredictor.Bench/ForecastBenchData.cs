using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Series;
using StreamPredictor.Grains.Market;

namespace StreamPredictor.Bench;

/// <summary>Daily bars of the shared daily file, for the forecasting benchmarks, and the specs they name.</summary>
public static class ForecastBenchData
{
    private static readonly Lazy<DailySeries> LazyDays = new(() =>
        DailySeries.From(DailyImport.Run(BenchData.SharedFile("btcusd_1d_2011-2025.csv")).Days));

    /// <summary>The last days of the file giving exactly <paramref name="windows"/> training windows to a model needing <paramref name="history"/> days.</summary>
    public static DailySeries ForWindows(int windows, int history)
    {
        var days = LazyDays.Value;
        return DailySeries.From(days.Bars.Skip(days.Count - (windows + history)).ToArray());
    }

    /// <summary>
    /// The spec of a benchmark's model name: a name Stream knows, or <c>lstm-means</c> / <c>gru-means</c> for the gated
    /// networks on the mean series' log returns (the models before day features).
    /// </summary>
    public static ModelSpec Spec(string name) => name switch
    {
        "lstm-means" => ModelSpec.Default(ModelNames.Lstm, target: TargetKind.LogReturn),
        "gru-means" => ModelSpec.Default(ModelNames.Gru, target: TargetKind.LogReturn),
        _ => ModelSpec.Default(name),
    };
}
