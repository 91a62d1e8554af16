namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// What a training loop ended with: epochs run, the last training loss, the validation loss of the weights kept, and
/// whether the network kept its starting weights (a day-feature network: <c>last</c>), because no epoch beat them on
/// validation, or none clearly.
/// </summary>
internal sealed record FitResult(int Epochs, double Loss, double? ValidationLoss, bool KeptBaseline);
