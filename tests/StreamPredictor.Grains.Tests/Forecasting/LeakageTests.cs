using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Backtesting;

namespace StreamPredictor.Grains.Tests.Forecasting;

/// <summary>
/// A backtest must not let the test days reach training: not through the scaler, the features, the windows or the
/// validation split. Blow every figure of the test days up: the first test day's forecast, made from training days only,
/// must not move.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class LeakageTests
{
    [Fact]
    public void Test_days_do_not_reach_training()
    {
        var days = ForecastData.Days(ForecastData.BitstampHourly).TakeLast(200).ToArray();
        var tampered = days.Select((d, i) => i < days.Length - 30 ? d : d with
        {
            MeanClose = d.MeanClose * 10, Open = d.Open * 9, High = d.High * 12, Low = d.Low * 8, Close = d.Close * 11, Volume = d.Volume * 5, Ticks = 3,
        }).ToArray();
        var options = new BacktestOptions
        {
            Models =
            [
                ModelSpec.Default(ModelNames.MlpSeed), ModelSpec.Default(ModelNames.Lstm, target: TargetKind.LogReturn),
                ModelSpec.Default(ModelNames.Last), ModelSpec.Default(ModelNames.Mlp), ModelSpec.Default(ModelNames.Gru), ModelSpec.Default(ModelNames.Ensemble),
            ],
            TestDays = 30,
            Training = new TrainingOptions { Epochs = 2, ValidationFraction = 0.2, Seed = 5 },
        };

        var honest = BacktestRunner.Run(days, options);
        var blown = BacktestRunner.Run(tampered, options);

        for (var m = 0; m < options.Models.Count; m++)
        {
            Assert.Equal(honest.Models[m].Test.Forecasts[0], blown.Models[m].Test.Forecasts[0]);
            Assert.NotEqual(honest.Models[m].Test.Forecasts[^1], blown.Models[m].Test.Forecasts[^1]);
        }
    }
}
