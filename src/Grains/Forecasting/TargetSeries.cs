namespace StreamPredictor.Grains.Forecasting;

/// <summary>Turns daily means into what a model reads and predicts, and a prediction back into a price.</summary>
public static class TargetSeries
{
    /// <summary>The values a model of <paramref name="target"/> sees: the prices, or their day-to-day log returns (one fewer).</summary>
    public static double[] From(ReadOnlySpan<double> prices, TargetKind target)
    {
        if (target == TargetKind.Price) return prices.ToArray();
        if (prices.Length < 2) return [];
        var returns = new double[prices.Length - 1];
        for (var i = 1; i < prices.Length; i++)
        {
            returns[i - 1] = Math.Log(prices[i] / prices[i - 1]);
        }

        return returns;
    }

    /// <summary>The price a model predicts, given the last known price and its output in target units.</summary>
    public static double ToPrice(double predicted, double lastPrice, TargetKind target) =>
        target == TargetKind.Price ? predicted : lastPrice * Math.Exp(predicted);
}
