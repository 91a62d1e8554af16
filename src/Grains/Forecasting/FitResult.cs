namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// What a training loop ended with: epochs run, the last training loss, the validation loss of the weights kept, and
/// whether the network kept its baseline (a day-feature network that did not clearly beat <c>last</c> on validation).
/// </summary>
internal sealed record FitResult(int Epochs, double Loss, double? ValidationLoss, bool KeptBaseline);
