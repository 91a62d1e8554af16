using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Backtesting;

namespace StreamPredictor.Grains.Tests.Forecasting;

/// <summary>
/// A backtest must not let the test days reach training: not through the scaler, the windows or the validation split.
/// Blow the test days up tenfold: the first test day's forecast, made from training days only, must not move.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class LeakageTests
{
    [Fact]
    public void Test_days_do_not_reach_training()
    {
        var days = ForecastData.Days(ForecastData.BitstampHourly).TakeLast(200).ToArray();
        var tampered = days.Select((d, i) => i < days.Length - 30 ? d : d with { MeanClose = d.MeanClose * 10 }).ToArray();
        var options = new BacktestOptions
        {
            Models = [ModelSpec.Default(ModelNames.MlpSeed), ModelSpec.Default(ModelNames.Lstm)],
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
