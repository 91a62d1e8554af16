using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamPredictor.Grains.Forecasting.Models;

/// <summary>
/// The tutorial's MLP as written: on a (window, 1) input, Dense(56, relu) and Dense(32, relu) act on each time step,
/// then Flatten and Dense(1) over window × 32 features.
/// </summary>
public sealed class MlpSeedModel : nn.Module<Tensor, Tensor>
{
    private readonly Linear _dense1;
    private readonly Linear _dense2;
    private readonly Linear _output;

    public MlpSeedModel(int window) : base(nameof(MlpSeedModel))
    {
        _dense1 = nn.Linear(1, 56);
        _dense2 = nn.Linear(56, 32);
        _output = nn.Linear(window * 32, 1);
        RegisterComponents();
        KerasInit.Apply(this);
    }

    public override Tensor forward(Tensor input)
    {
        using var h1 = nn.functional.relu(_dense1.call(input));
        using var h2 = nn.functional.relu(_dense2.call(h1));
        using var flat = h2.flatten(1);
        return _output.call(flat);
    }
}
