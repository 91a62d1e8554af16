namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// Torch's default random generator is process-wide: weight initialisation and dropout draw from it. Everything here
/// that seeds it or draws from it (training, building a network to load weights into) holds this lock, so two models
/// trained at once in one process still get the numbers their seeds promise.
/// </summary>
internal static class TorchGate
{
    public static readonly Lock Random = new();
}
