using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Grains.Tests.Forecasting;

public sealed class ScalingAndWindowsTests
{
    [Fact]
    public void Scaler_maps_the_training_range_to_zero_one_and_back()
    {
        var scaler = MinMaxScaler.Fit([20.0, 10, 30]);

        Assert.Equal(0.0, scaler.Transform(10));
        Assert.Equal(1.0, scaler.Transform(30));
        Assert.Equal(1.5, scaler.Transform(40));
        Assert.Equal(25.0, scaler.Inverse(scaler.Transform(25)), 12);
    }

    [Fact]
    public void Scaler_of_a_constant_series_does_not_divide_by_zero()
    {
        var scaler = MinMaxScaler.Fit([5.0, 5, 5]);

        Assert.Equal(0.0, scaler.Transform(5));
        Assert.Equal(5.0, scaler.Inverse(0));
    }

    [Fact]
    public void Windows_are_cut_as_the_tutorial_cuts_them()
    {
        var windows = WindowSet.Build([1.0, 2, 3, 4, 5], 3);

        Assert.Equal(2, windows.Count);
        Assert.Equal([1f, 2, 3], windows.Input(0).ToArray());
        Assert.Equal([2f, 3, 4], windows.Input(1).ToArray());
        Assert.Equal([4f, 5], windows.Targets);
    }

    [Fact]
    public void Log_returns_turn_back_into_the_next_price()
    {
        double[] prices = [100, 110, 99];
        var returns = TargetSeries.From(prices, TargetKind.LogReturn);

        Assert.Equal(2, returns.Length);
        Assert.Equal(110.0, TargetSeries.ToPrice(returns[0], 100, TargetKind.LogReturn), 9);
        Assert.Equal(99.0, TargetSeries.ToPrice(returns[1], 110, TargetKind.LogReturn), 9);
        Assert.Equal(prices, TargetSeries.From(prices, TargetKind.Price));
    }
}
