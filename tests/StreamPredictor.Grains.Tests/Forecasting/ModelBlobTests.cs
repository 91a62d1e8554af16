using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Grains.Tests.Forecasting;

[Collection(TorchCollection.Name)]
public sealed class ModelBlobTests
{
    private static readonly double[] Prices = ForecastData.LastPrices(ForecastData.BitstampHourly, 160);

    [Theory]
    [InlineData(ModelNames.MlpSeed, null)]
    [InlineData(ModelNames.RnnSeed, null)]
    [InlineData(ModelNames.Lstm, TargetKind.LogReturn)]
    [InlineData(ModelNames.Gru, TargetKind.LogReturn)]
    public void Save_then_load_gives_identical_forecasts(string kind, TargetKind? target)
    {
        using var trained = ForecastTrainer.Train(ModelSpec.Default(kind, target: target), Prices.AsSpan(0, 130), new TrainingOptions { Epochs = 1, ValidationFraction = 0.2 });
        using var blob = new MemoryStream();
        ModelBlob.Save(trained, blob);
        blob.Position = 0;

        using var loaded = ModelBlob.Load(blob);

        Assert.Equal(trained.Spec, loaded.Spec);
        Assert.Equal(trained.Scaler, loaded.Scaler);
        Assert.Equal(trained.Training, loaded.Training);
        Assert.Equal(trained.Calibration.Quantiles, loaded.Calibration.Quantiles);
        Assert.Equal(trained.Predict(Prices, 130, 30), loaded.Predict(Prices, 130, 30));
        Assert.Equal(blob.Length, blob.Position);
    }

    [Fact]
    public void Header_says_what_the_blob_holds_without_building_the_network()
    {
        using var trained = ForecastTrainer.Train(ModelSpec.Default(ModelNames.Gru), Prices.AsSpan(0, 130), new TrainingOptions { Epochs = 1 });
        using var blob = new MemoryStream(ModelBlob.ToBytes(trained));

        var header = ModelBlob.ReadHeader(blob);

        Assert.Equal(ModelNames.Gru, header.Spec.Kind);
        Assert.Equal(TargetKind.MeanOverClose, header.Spec.Target);
        Assert.Equal(ModelInput.DayFeatures, header.Spec.Input);
        Assert.NotNull(header.Features);
        Assert.True(header.HasWeights);
        Assert.Equal(1, header.Training.EpochsRun);
    }
}
