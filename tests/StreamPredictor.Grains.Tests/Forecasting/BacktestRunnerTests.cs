using System.Text.Json;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Backtesting;

namespace StreamPredictor.Grains.Tests.Forecasting;

public sealed class BacktestRunnerTests
{
    private static readonly BacktestOptions NaiveOnly = new() { Models = [ModelSpec.Default(ModelNames.Naive)], TestDays = 30, Folds = 3 };

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
        var days = ForecastData.Days(ForecastData.BitstampHourly);
        var prices = days.Select(d => d.MeanClose).ToArray();

        var result = BacktestRunner.Run(days, NaiveOnly);

        var naive = Assert.Single(result.Models);
        Assert.Equal(3, naive.Folds.Count);
        var first = naive.Folds[0].Window.Start;
        var expected = Enumerable.Range(first, 30).Average(i => Math.Abs(prices[i] - prices[i - 1]));
        Assert.Equal(expected, naive.Folds[0].Metrics.Mae, 9);
        Assert.Equal(naive.Folds.Average(f => f.Metrics.Mae), naive.FoldMean!.Mae, 9);
        Assert.Equal(0, naive.FoldsBeatingNaive);
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
        Assert.Equal(1.0, model.GetProperty("mase").GetDouble());
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
