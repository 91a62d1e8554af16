using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamPredictor.Grains.Forecasting.Models;

/// <summary>Builds the network a spec describes, on the CPU, with weights drawn from torch's current random state.</summary>
public static class ModelFactory
{
    public static nn.Module<Tensor, Tensor> Create(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var features = spec.Input == ModelInput.DayFeatures;
        var inputs = features ? DayFeatures.Count : 1;
        return spec.Kind switch
        {
            ModelNames.MlpSeed => new MlpSeedModel(spec.Window),
            ModelNames.RnnSeed => new RnnSeedModel(spec.Window),
            ModelNames.Mlp => new MlpModel(spec.Window, DayFeatures.Count, spec.HiddenSize, spec.Dropout),
            ModelNames.Lstm => new LstmModel(spec.HiddenSize, spec.Layers, spec.Dropout, inputs, zeroOutput: features),
            ModelNames.Gru => new GruModel(spec.HiddenSize, spec.Layers, spec.Dropout, inputs, zeroOutput: features),
            _ => throw new ArgumentException($"'{spec.Kind}' is not a network", nameof(spec)),
        };
    }
}
