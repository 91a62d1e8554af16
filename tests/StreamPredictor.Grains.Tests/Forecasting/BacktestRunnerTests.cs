using StreamPredictor.Abstractions.Forecasting;
using System.Text.Json;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Backtesting;

namespace StreamPredictor.Grains.Tests.Forecasting;

public sealed class BacktestRunnerTests
{
    private static readonly BacktestOptions NaiveOnly = new() { Models = [ModelSpec.Default(ModelNames.Naive)], TestDays = 30, Folds = 3 };
    private static readonly BacktestOptions NaiveAndLast = NaiveOnly with { Models = [ModelSpec.Default(ModelNames.Naive), ModelSpec.Default(ModelNames.Last)] };

    [Fact]
    public void Folds_are_consecutive_windows_right_before_the_test_window()
    {
        var days = ForecastData.Days(ForecastData.BitstampHourly);

        var windows = BacktestRunner.Windows(days, NaiveOnly);

        Assert.Equal(4, windows.Count);
        Assert.Equal(days.Count - 30, windows[^1].Start);
        Assert.Equal(days[^1].Date, windows[^1].To);
        for (var i = 1; i < windows.Count; i++)
        {
            Assert.Equal(windows[i - 1].Start + 30, windows[i].Start);
            Assert.Equal(windows[i - 1].To.AddDays(1), windows[i].From);
        }
    }

    [Fact]
    public void Each_fold_is_scored_on_its_own_days()
    {
        // Every figure recomputed here from the bars, independently of the runner: naive's and last's MAE per fold, last's
        // MASE (its MAE over naive's) and the folds where last beat naive.
        var days = ForecastData.Days(ForecastData.BitstampHourly);
        double NaiveMae(int start) => Enumerable.Range(start, 30).Average(i => Math.Abs(days[i].MeanClose - days[i - 1].MeanClose));
        double LastMae(int start) => Enumerable.Range(start, 30).Average(i => Math.Abs(days[i].MeanClose - days[i - 1].Close));

        var result = BacktestRunner.Run(days, NaiveAndLast);

        var naive = result.Models[0];
        var last = result.Models[1];
        Assert.Equal(3, naive.Folds.Count);
        for (var f = 0; f < 3; f++)
        {
            var start = naive.Folds[f].Window.Start;
            Assert.Equal(days.Count - ((4 - f) * 30), start);
            Assert.Equal(NaiveMae(start), naive.Folds[f].Metrics.Mae, 9);
            Assert.Equal(LastMae(start), last.Folds[f].Metrics.Mae, 9);
            Assert.Equal(LastMae(start) / NaiveMae(start), last.Folds[f].Metrics.Mase, 9);
        }

        Assert.Equal(last.Folds.Average(f => f.Metrics.Mae), last.FoldMean!.Mae, 9);
        Assert.Equal(Enumerable.Range(0, 3).Count(f => LastMae(days.Count - ((4 - f) * 30)) < NaiveMae(days.Count - ((4 - f) * 30))), last.FoldsBeatingNaive);
        Assert.Equal(0, last.FoldsBeatingLast);
        Assert.Equal(3, naive.Folds.Count(f => f.Metrics.MaeVsLast > 1));
    }

    [Fact]
    public void Too_short_a_series_is_refused()
    {
        var days = ForecastData.Days(ForecastData.BitstampHourly).Take(100).ToArray();
        var options = new BacktestOptions { Models = [ModelSpec.Default(ModelNames.MlpSeed)], TestDays = 30, Folds = 1 };

        Assert.Throws<ArgumentException>(() => BacktestRunner.Windows(days, options));
    }

    [Fact]
    public void Json_report_has_the_documented_shape()
    {
        var result = BacktestRunner.Run(ForecastData.Days(ForecastData.BitstampHourly), NaiveOnly with { TestDays = 60, Folds = 1 });
        using var stream = new MemoryStream();
        BacktestJson.Write(stream, result);

        using var json = JsonDocument.Parse(stream.ToArray());
        var test = json.RootElement.GetProperty("test");
        Assert.Equal("2022-06-22", test.GetProperty("from").GetString());
        Assert.Equal("2022-08-20", test.GetProperty("to").GetString());
        Assert.Equal(60, test.GetProperty("days").GetInt32());
        var model = json.RootElement.GetProperty("models")[0];
        Assert.Equal("naive", model.GetProperty("name").GetString());
        Assert.Equal(464.668, model.GetProperty("mae").GetDouble(), 1e-3);
        Assert.Equal(574.822, model.GetProperty("rmse").GetDouble(), 1e-3);
        Assert.True(model.GetProperty("mape").GetDouble() > 0);
        Assert.Equal(464.668 / 243.809, model.GetProperty("maeVsLast").GetDouble(), 1e-4);
        Assert.Equal(60, model.GetProperty("forecasts").GetArrayLength());
        Assert.Single(model.GetProperty("folds").EnumerateArray());
    }

    [Fact]
    public void Table_lists_every_model_with_its_scores()
    {
        var result = BacktestRunner.Run(ForecastData.Days(ForecastData.BitstampHourly), NaiveOnly with { TestDays = 60 });

        var table = BacktestTable.Format(result);

        Assert.Contains("test window 2022-06-22 .. 2022-08-20 (60 days)", table, StringComparison.Ordinal);
        Assert.Matches(@"naive\s+464\.668\s+574\.822\s+\d+\.\d{3}\s+1\.000", table);
        Assert.Contains("rolling origin: 3 earlier windows", table, StringComparison.Ordinal);
    }
}
