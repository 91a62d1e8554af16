using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Grains.Tests.Forecasting;

public sealed class ModelBlobNaiveTests
{
    [Fact]
    public void Naive_model_round_trips_with_its_calibration()
    {
        var prices = ForecastData.Prices(ForecastData.BitstampHourly);
        using var naive = NaiveForecaster.Fit(prices, 100, [0.8, 0.95]);

        using var loaded = ModelBlob.FromBytes(ModelBlob.ToBytes(naive));

        Assert.IsType<NaiveForecaster>(loaded);
        Assert.Equal(naive.Spec, loaded.Spec);
        Assert.Equal(naive.Calibration.Quantiles, loaded.Calibration.Quantiles);
        Assert.Equal(naive.Predict(prices, 10, 50), loaded.Predict(prices, 10, 50));
    }

    [Fact]
    public void Foreign_bytes_are_refused()
    {
        Assert.Throws<InvalidDataException>(() => ModelBlob.FromBytes("not a model blob at all"u8.ToArray()));
    }
}
