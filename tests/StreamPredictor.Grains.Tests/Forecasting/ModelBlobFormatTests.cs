using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Grains.Tests.Forecasting;

/// <summary>
/// Blobs keep loading across formats: Fixtures/*-format1.blob were written by format 1 (commit f7d5a4b, before day
/// features, last and the volatility-scaled intervals), trained one epoch with seed 1 and validation 0.2 on days
/// [^160, ^30) of the Bitstamp file's daily means; the forecasts below are what that build printed for the next three days.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class ModelBlobFormatTests
{
    private static readonly double[] Prices = ForecastData.LastPrices(ForecastData.BitstampHourly, 160);

    [Theory]
    [InlineData("mlp-seed", 19837.388549650088, 19830.948745399444, 20184.422774654955, 0.12946764351836632, 0.1850589801455256)]
    [InlineData("gru", 20311.815256647857, 20500.098662601635, 19943.485014144306, 0.166641771843134, 0.18086251599799658)]
    public void A_format_1_blob_loads_and_forecasts_as_it_did(string kind, double day1, double day2, double day3, double q80, double q95)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Forecasting", "Fixtures", $"{kind}-format1.blob"));

        using var model = ModelBlob.FromBytes(bytes);

        Assert.Equal(1, BitConverter.ToInt32(bytes, 8));
        Assert.Equal(kind, model.Spec.Kind);
        Assert.Equal(ModelInput.Means, model.Spec.Input);
        Assert.Equal(0, model.Calibration.VolatilityDays);
        Assert.Equal([day1, day2, day3], model.Predict(Prices, 130, 3));
        Assert.Equal([q80, q95], model.Calibration.Quantiles.Select(q => q.RelativeHalfWidth));
        var interval = model.ForecastNext(ForecastData.Days(ForecastData.BitstampHourly).Take(1559 - 30).TakeLast(130).ToArray()).Intervals[0];
        Assert.Equal(q80, (interval.Upper - interval.Lower) / 2 / ((interval.Upper + interval.Lower) / 2), 9);
    }

    [Fact]
    public void A_blob_of_a_newer_format_is_refused_with_a_clear_error()
    {
        var bytes = ModelBlob.ToBytes(new NaiveForecaster(ConformalCalibration.None));
        BitConverter.TryWriteBytes(bytes.AsSpan(8, 4), ModelBlob.FormatVersion + 1);

        var error = Assert.Throws<InvalidDataException>(() => ModelBlob.FromBytes(bytes));

        Assert.Equal($"model blob format {ModelBlob.FormatVersion + 1} is not supported (this build reads 1 to {ModelBlob.FormatVersion})", error.Message);
    }

    [Theory]
    [InlineData(16, 'x', "model blob: unreadable header")]        // the JSON's opening brace
    [InlineData(20, '}', "model blob: the header names no model")] // "spec" renamed: valid JSON, no spec
    public void A_corrupt_header_is_refused_with_a_clear_error(int offset, char replacement, string message)
    {
        var bytes = ModelBlob.ToBytes(new NaiveForecaster(ConformalCalibration.None));
        bytes[offset] = (byte)replacement;

        var error = Assert.Throws<InvalidDataException>(() => ModelBlob.FromBytes(bytes));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
