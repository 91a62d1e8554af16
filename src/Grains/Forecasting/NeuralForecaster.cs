using TorchSharp;
using static TorchSharp.torch;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>A trained network with its spec and scaler: reads windows of scaled target values, predicts the next one.</summary>
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

    public double[] Predict(ReadOnlySpan<double> prices, int from, int count)
    {
        this.CheckRange(prices, from, count);
        var window = Spec.Window;
        var history = Spec.HistoryNeeded;
        var result = new double[count];
        _network.eval();
        using var noGrad = torch.no_grad();
        for (var start = 0; start < count; start += PredictBatch)
        {
            var n = Math.Min(PredictBatch, count - start);
            var inputs = new float[n * window];
            for (var i = 0; i < n; i++)
            {
                var day = from + start + i;
                var values = TargetSeries.From(prices.Slice(day - history, history), Spec.Target);
                for (var j = 0; j < window; j++)
                {
                    inputs[i * window + j] = (float)Scaler.Transform(values[j]);
                }
            }

            var outputs = Run(inputs, n);
            for (var i = 0; i < n; i++)
            {
                var day = from + start + i;
                result[start + i] = TargetSeries.ToPrice(Scaler.Inverse(outputs[i]), prices[day - 1], Spec.Target);
            }
        }

        return result;
    }

    private float[] Run(float[] inputs, int n)
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(inputs, [n, Spec.Window, 1]).to(_device);
        var y = _network.call(x).cpu();
        return y.data<float>().ToArray();
    }

    /// <summary>Writes the weights (a TorchSharp state dict) to <paramref name="writer"/>.</summary>
    internal void SaveWeights(BinaryWriter writer) => _network.save(writer);

    public void Dispose() => _network.Dispose();
}
