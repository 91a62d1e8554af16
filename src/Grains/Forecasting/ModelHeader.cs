namespace StreamPredictor.Grains.Forecasting;

/// <summary>The JSON part of a model blob: everything but the weights.</summary>
public sealed record ModelHeader(
    ModelSpec Spec,
    MinMaxScaler? Scaler,
    TrainingSummary Training,
    ConformalCalibration Calibration,
    bool HasWeights);
