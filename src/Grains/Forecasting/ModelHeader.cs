using StreamPredictor.Grains.Forecasting.Features;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// The JSON part of a model blob: everything but the weights. <see cref="Features"/> is the day-feature networks' scaling;
/// <see cref="Members"/> counts the member blobs an ensemble's header is followed by. Both are absent from format 1.
/// </summary>
public sealed record ModelHeader(
    ModelSpec Spec,
    MinMaxScaler? Scaler,
    TrainingSummary Training,
    ConformalCalibration Calibration,
    bool HasWeights,
    FeatureScaler? Features = null,
    int Members = 0);
