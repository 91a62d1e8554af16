namespace StreamPredictor.Grains.Forecasting;

/// <summary>The relative half-width that covered <see cref="Level"/> of the calibration errors, with the split-conformal correction.</summary>
public sealed record ConformalQuantile(double Level, double RelativeHalfWidth);
