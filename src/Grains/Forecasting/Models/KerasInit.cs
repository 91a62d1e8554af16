using TorchSharp;
using static TorchSharp.torch;

namespace StreamPredictor.Grains.Forecasting.Models;

/// <summary>
/// Keras' default initialisers, so the seed models start as the tutorial's do: Glorot-uniform input kernels, orthogonal
/// recurrent kernels, zero biases.
/// </summary>
internal static class KerasInit
{
    public static void Apply(nn.Module module)
    {
        using var noGrad = torch.no_grad();
        foreach (var (name, parameter) in module.named_parameters())
        {
            if (name.Contains("bias", StringComparison.Ordinal))
            {
                nn.init.zeros_(parameter);
            }
            else if (name.Contains("weight_hh", StringComparison.Ordinal))
            {
                nn.init.orthogonal_(parameter);
            }
            else if (parameter.dim() >= 2)
            {
                nn.init.xavier_uniform_(parameter);
            }
        }
    }

    /// <summary>Sets every parameter of <paramref name="module"/> to zero (an output layer that starts at a baseline).</summary>
    public static void Zero(nn.Module module)
    {
        using var noGrad = torch.no_grad();
        foreach (var parameter in module.parameters())
        {
            nn.init.zeros_(parameter);
        }
    }
}
