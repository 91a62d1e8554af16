using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamPredictor.Grains.Forecasting.Models;

/// <summary>
/// A stacked LSTM read at its last step, dropout, then one linear output. <paramref name="inputs"/> values per step (1 for
/// the mean series, the day features otherwise); with <paramref name="zeroOutput"/> the output layer starts at zero, so
/// the untrained network predicts a target of 0.
/// </summary>
public sealed class LstmModel : nn.Module<Tensor, Tensor>
{
    private readonly LSTM _lstm;
    private readonly Dropout _dropout;
    private readonly Linear _output;

    public LstmModel(int hiddenSize, int layers, double dropout, int inputs = 1, bool zeroOutput = false) : base(nameof(LstmModel))
    {
        _lstm = nn.LSTM(inputs, hiddenSize, layers, batchFirst: true, dropout: layers > 1 ? dropout : 0);
        _dropout = nn.Dropout(dropout);
        _output = nn.Linear(hiddenSize, 1);
        RegisterComponents();
        KerasInit.Apply(this);
        if (zeroOutput) KerasInit.Zero(_output);
    }

    public override Tensor forward(Tensor input)
    {
        var (sequence, h, c) = _lstm.call(input);
        using var last = sequence.select(1, -1);
        using var dropped = _dropout.call(last);
        sequence.Dispose();
        h.Dispose();
        c.Dispose();
        return _output.call(dropped);
    }
}
