using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamPredictor.Grains.Forecasting.Models;

/// <summary>
/// The day-feature MLP: the window's features flattened (window × features), Dense(hidden, relu), dropout, then one
/// linear output that starts at zero (the untrained network forecasts <c>last</c>).
/// </summary>
public sealed class MlpModel : nn.Module<Tensor, Tensor>
{
    private readonly Linear _hidden;
    private readonly Dropout _dropout;
    private readonly Linear _output;

    public MlpModel(int window, int features, int hiddenSize, double dropout) : base(nameof(MlpModel))
    {
        _hidden = nn.Linear(window * features, hiddenSize);
        _dropout = nn.Dropout(dropout);
        _output = nn.Linear(hiddenSize, 1);
        RegisterComponents();
        KerasInit.Apply(this);
        KerasInit.Zero(_output);
    }

    public override Tensor forward(Tensor input)
    {
        using var flat = input.flatten(1);
        using var hidden = nn.functional.relu(_hidden.call(flat));
        using var dropped = _dropout.call(hidden);
        return _output.call(dropped);
    }
}
