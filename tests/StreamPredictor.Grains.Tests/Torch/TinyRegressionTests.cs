using TorchSharp;
using static TorchSharp.torch;

namespace StreamPredictor.Grains.Tests.Torch;

/// <summary>End to end through the native library: if it loads but misbehaves, this fails.</summary>
public sealed class TinyRegressionTests
{
    [Fact]
    public void Two_layer_network_learns_a_line()
    {
        random.manual_seed(7);
        using var x = linspace(-1, 1, 64).unsqueeze(1);
        using var y = x * 2 + 1;
        using var model = nn.Sequential(nn.Linear(1, 8), nn.Tanh(), nn.Linear(8, 1));
        using var optimizer = optim.Adam(model.parameters(), lr: 0.05);

        var initialLoss = Loss(model, x, y);
        for (var step = 0; step < 60; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.mse_loss(model.forward(x), y).backward();
            optimizer.step();
        }
        var finalLoss = Loss(model, x, y);

        Assert.True(finalLoss < 0.1f * initialLoss, $"loss went from {initialLoss} to {finalLoss}");
    }

    private static float Loss(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return nn.functional.mse_loss(model.forward(x), y).item<float>();
    }
}
