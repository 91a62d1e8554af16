using StreamPredictor.Grains.Forecasting.Series;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamPredictor.Grains.Forecasting.Features;

/// <summary>
/// A trained network on day features (<see cref="DayFeatures"/>): reads the standardised features of the
/// <see cref="ModelSpec.Window"/> days before a day and predicts <c>ln(mean / previous close)</c>, so its forecast is the
/// previous close times <c>exp</c> of that.
/// </summary>
public sealed class FeatureForecaster : IForecaster
{
    private const int PredictBatch = 1024;
    private readonly nn.Module<Tensor, Tensor> _network;
    private readonly Device _device;

    internal FeatureForecaster(ModelSpec spec, FeatureScaler scaler, nn.Module<Tensor, Tensor> network, Device device, TrainingSummary training, ConformalCalibration calibration)
    {
        Spec = spec;
        Features = scaler;
        _network = network;
        _device = device;
        Training = training;
        Calibration = calibration;
    }

    public ModelSpec Spec { get; }

    /// <summary>The feature and target scaling fit on the training days.</summary>
    public FeatureScaler Features { get; }

    public MinMaxScaler? Scaler => null;

    public TrainingSummary Training { get; }

    public ConformalCalibration Calibration { get; }

    internal FeatureForecaster With(TrainingSummary training, ConformalCalibration calibration) =>
        new(Spec, Features, _network, _device, training, calibration);

    public double[] Predict(DailySeries days, int from, int count)
    {
        this.CheckRange(days, from, count);
        var window = Spec.Window;
        var rows = DayFeatures.Build(days, from - window, from + count - 1);
        var result = new double[count];
        for (var start = 0; start < count; start += PredictBatch)
        {
            var n = Math.Min(PredictBatch, count - start);
            var inputs = Inputs(rows, start, n, window, Features);
            var outputs = NetworkRun.Run(_network, _device, inputs, n, window, DayFeatures.Count);
            for (var i = 0; i < n; i++)
            {
                var day = from + start + i;
                result[start + i] = days.Closes[day - 1] * Math.Exp(outputs[i] * Features.TargetScale);
            }
        }

        return result;
    }

    /// <summary>
    /// Windows <c>[first, first + n)</c> over feature rows: window <c>i</c> is rows <c>[i, i + window)</c>, standardised.
    /// </summary>
    internal static float[] Inputs(ReadOnlySpan<double> rows, int first, int n, int window, FeatureScaler scaler)
    {
        const int f = DayFeatures.Count;
        var inputs = new float[n * window * f];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < window * f; k++)
            {
                inputs[(i * window * f) + k] = scaler.Transform(k % f, rows[((first + i) * f) + k]);
            }
        }

        return inputs;
    }

    internal void SaveWeights(BinaryWriter writer) => _network.save(writer);

    public void Dispose() => _network.Dispose();
}
