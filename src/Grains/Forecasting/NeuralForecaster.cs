using StreamPredictor.Grains.Forecasting.Series;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>A trained network on the series of daily means, with its spec and scaler: reads windows of scaled target values, predicts the next one.</summary>
public sealed class NeuralForecaster : IForecaster
{
    private const int PredictBatch = 1024;
    private readonly nn.Module<Tensor, Tensor> _network;
    private readonly Device _device;

    internal NeuralForecaster(ModelSpec spec, MinMaxScaler scaler, nn.Module<Tensor, Tensor> network, Device device, TrainingSummary training, ConformalCalibration calibration)
    {
        Spec = spec;
        Scaler = scaler;
        _network = network;
        _device = device;
        Training = training;
        Calibration = calibration;
    }

    public ModelSpec Spec { get; }

    public MinMaxScaler Scaler { get; }

    MinMaxScaler? IForecaster.Scaler => Scaler;

    public TrainingSummary Training { get; }

    public ConformalCalibration Calibration { get; }

    internal nn.Module<Tensor, Tensor> Network => _network;

    /// <summary>A copy with another calibration, sharing the network: for the trainer, which calibrates after training.</summary>
    internal NeuralForecaster With(TrainingSummary training, ConformalCalibration calibration) =>
        new(Spec, Scaler, _network, _device, training, calibration);

    public double[] Predict(DailySeries days, int from, int count)
    {
        this.CheckRange(days, from, count);
        var prices = days.Means;
        var window = Spec.Window;
        var history = Spec.HistoryNeeded;
        var result = new double[count];
        for (var start = 0; start < count; start += PredictBatch)
        {
            var n = Math.Min(PredictBatch, count - start);
            var inputs = new float[n * window];
            for (var i = 0; i < n; i++)
            {
                var day = from + start + i;
                var values = TargetSeries.From(prices.AsSpan(day - history, history), Spec.Target);
                for (var j = 0; j < window; j++)
                {
                    inputs[i * window + j] = (float)Scaler.Transform(values[j]);
                }
            }

            var outputs = NetworkRun.Run(_network, _device, inputs, n, window, 1);
            for (var i = 0; i < n; i++)
            {
                var day = from + start + i;
                result[start + i] = TargetSeries.ToPrice(Scaler.Inverse(outputs[i]), prices[day - 1], Spec.Target);
            }
        }

        return result;
    }

    /// <summary>Writes the weights (a TorchSharp state dict) to <paramref name="writer"/>.</summary>
    internal void SaveWeights(BinaryWriter writer) => _network.save(writer);

    public void Dispose() => _network.Dispose();
}
