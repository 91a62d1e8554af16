using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamPredictor.Grains.Forecasting.Models;

/// <summary>
/// The tutorial's stack: SimpleRNN(128, relu) → Dropout(0.25) → SimpleRNN(256, relu) → Dropout(0.25) →
/// SimpleRNN(512, relu) → Dropout(0.35), all returning sequences, then Flatten and Dense(1) over window × 512 features.
/// </summary>
public sealed class RnnSeedModel : nn.Module<Tensor, Tensor>
{
    private readonly RNN _rnn1;
    private readonly Dropout _dropout1;
    private readonly RNN _rnn2;
    private readonly Dropout _dropout2;
    private readonly RNN _rnn3;
    private readonly Dropout _dropout3;
    private readonly Linear _output;

    public RnnSeedModel(int window) : base(nameof(RnnSeedModel))
    {
        _rnn1 = nn.RNN(1, 128, nonLinearity: nn.NonLinearities.ReLU, batchFirst: true);
        _dropout1 = nn.Dropout(0.25);
        _rnn2 = nn.RNN(128, 256, nonLinearity: nn.NonLinearities.ReLU, batchFirst: true);
        _dropout2 = nn.Dropout(0.25);
        _rnn3 = nn.RNN(256, 512, nonLinearity: nn.NonLinearities.ReLU, batchFirst: true);
        _dropout3 = nn.Dropout(0.35);
        _output = nn.Linear(window * 512, 1);
        RegisterComponents();
        KerasInit.Apply(this);
    }

    public override Tensor forward(Tensor input)
    {
        var (s1, h1) = _rnn1.call(input);
        using var d1 = _dropout1.call(s1);
        var (s2, h2) = _rnn2.call(d1);
        using var d2 = _dropout2.call(s2);
        var (s3, h3) = _rnn3.call(d2);
        using var d3 = _dropout3.call(s3);
        using var flat = d3.flatten(1);
        var output = _output.call(flat);
        foreach (var t in new[] { s1, h1, s2, h2, s3, h3 })
        {
            t.Dispose();
        }

        return output;
    }
}
