using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Grains.Tests.Forecasting;

/// <summary>
/// The networks on the series of daily means (the tutorial's, and the LSTM/GRU with a mean-series target) on a short real
/// series: each learns something, and the same seed gives the same numbers. The day-feature networks: FeatureNetworkTests.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class NetworkTrainingTests
{
    private const int TestDays = 30;

    // The last 300 days of the daily file: 270 to train on, 30 held back.
    private static readonly double[] Prices = ForecastData.LastPrices(ForecastData.Daily, 300);

    public static TheoryData<string, TargetKind, int> Models => new()
    {
        { ModelNames.MlpSeed, TargetKind.Price, 30 },
        { ModelNames.RnnSeed, TargetKind.Price, 4 },
        { ModelNames.Lstm, TargetKind.LogReturn, 8 },
        { ModelNames.Gru, TargetKind.LogReturn, 8 },
        { ModelNames.Lstm, TargetKind.Price, 15 },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Beats_a_constant_predictor_on_held_back_days(string kind, TargetKind target, int epochs)
    {
        var trainEnd = Prices.Length - TestDays;
        using var model = ForecastTrainer.Train(ModelSpec.Default(kind, target: target), Prices.AsSpan(0, trainEnd), new TrainingOptions { Epochs = epochs, Seed = 7 });

        var forecasts = model.Predict(Prices, trainEnd, TestDays);

        var actual = Prices.AsSpan(trainEnd);
        var constant = Enumerable.Repeat(Prices[..trainEnd].Average(), TestDays).ToArray();
        var modelMae = ForecastMetrics.Compute(actual, forecasts, constant).Mae;
        var constantMae = ForecastMetrics.Compute(actual, constant, constant).Mae;
        Assert.True(modelMae < constantMae, $"{kind}: MAE {modelMae:F1} is not below the constant's {constantMae:F1}");
        Assert.Equal(epochs, model.Training.EpochsRun);
    }

    [Theory]
    [InlineData(ModelNames.MlpSeed)]
    [InlineData(ModelNames.Gru)]
    public void Same_seed_and_data_give_the_same_forecasts(string kind)
    {
        var spec = ModelSpec.Default(kind, target: kind == ModelNames.Gru ? TargetKind.LogReturn : null);
        var options = new TrainingOptions { Epochs = 3, Seed = 11 };
        var train = Prices.AsSpan(0, Prices.Length - TestDays);

        using var first = ForecastTrainer.Train(spec, train, options);
        using var second = ForecastTrainer.Train(spec, train, options);
        using var otherSeed = ForecastTrainer.Train(spec, train, options with { Seed = 12 });

        var expected = first.Predict(Prices, Prices.Length - TestDays, TestDays);
        Assert.Equal(expected, second.Predict(Prices, Prices.Length - TestDays, TestDays));
        Assert.NotEqual(expected, otherSeed.Predict(Prices, Prices.Length - TestDays, TestDays));
    }

    [Fact]
    public void Validation_split_stops_early_keeps_the_best_weights_and_calibrates_intervals()
    {
        var train = Prices.AsSpan(0, Prices.Length - TestDays);
        var options = new TrainingOptions { Epochs = 300, Seed = 3, ValidationFraction = 0.25, Patience = 3, LearningRate = 3e-3 };

        using var model = ForecastTrainer.Train(ModelSpec.Default(ModelNames.MlpSeed), train, options);

        Assert.InRange(model.Training.EpochsRun, 4, 299);
        Assert.NotNull(model.Training.ValidationLoss);
        Assert.Equal((train.Length - 60) / 4, model.Calibration.Days);
        Assert.Equal([0.8, 0.95], model.Calibration.Quantiles.Select(q => q.Level));
        Assert.True(model.Calibration.Quantiles[0].RelativeHalfWidth <= model.Calibration.Quantiles[1].RelativeHalfWidth);
        Assert.True(model.Calibration.Quantiles[0].RelativeHalfWidth > 0);
    }

    [Fact]
    public void Scaler_is_fit_on_the_training_days_only()
    {
        var trainEnd = Prices.Length - TestDays;
        using var model = ForecastTrainer.Train(ModelSpec.Default(ModelNames.MlpSeed), Prices.AsSpan(0, trainEnd), new TrainingOptions { Epochs = 1 });

        var scaler = Assert.IsType<MinMaxScaler>(model.Scaler);
        Assert.Equal(Prices[..trainEnd].Min(), scaler.Min);
        Assert.Equal(Prices[..trainEnd].Max(), scaler.Max);
    }
}
