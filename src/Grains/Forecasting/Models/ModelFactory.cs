using TorchSharp;
using static TorchSharp.torch;

namespace StreamPredictor.Grains.Forecasting.Models;

/// <summary>Builds the network a spec describes, on the CPU, with weights drawn from torch's current random state.</summary>
public static class ModelFactory
{
    public static nn.Module<Tensor, Tensor> Create(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Kind switch
        {
            ModelNames.MlpSeed => new MlpSeedModel(spec.Window),
            ModelNames.RnnSeed => new RnnSeedModel(spec.Window),
            ModelNames.Lstm => new LstmModel(spec.HiddenSize, spec.Layers, spec.Dropout),
            ModelNames.Gru => new GruModel(spec.HiddenSize, spec.Layers, spec.Dropout),
            _ => throw new ArgumentException($"'{spec.Kind}' is not a network", nameof(spec)),
        };
    }
}
