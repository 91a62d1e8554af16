using TorchSharp;
using static TorchSharp.torch;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>One forward pass of a network in evaluation mode, without gradients, over a batch of windows.</summary>
internal static class NetworkRun
{
    public static float[] Run(nn.Module<Tensor, Tensor> network, Device device, float[] inputs, int count, int window, int features)
    {
        network.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(inputs, [count, window, features]).to(device);
        var y = network.call(x).cpu();
        return y.data<float>().ToArray();
    }
}
