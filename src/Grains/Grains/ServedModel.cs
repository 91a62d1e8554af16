using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Grains;

/// <summary>The model a forecast grain serves: naive (version 0), or a trained version it loaded, which it owns and disposes.</summary>
public sealed class ServedModel(int version, IForecaster? forecaster) : IDisposable
{
    public static ServedModel Naive => new(0, null);

    public int Version { get; } = version;

    /// <summary>The trained network; null for the naive model, which is fit afresh on each recompute.</summary>
    public IForecaster? Forecaster { get; } = forecaster;

    public string Name => Forecaster?.Spec.Kind ?? ModelNames.Naive;

    public void Dispose() => Forecaster?.Dispose();
}
