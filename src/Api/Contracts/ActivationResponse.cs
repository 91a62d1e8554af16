using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Api.Contracts;

/// <summary>The version now active for a symbol: 0 is the naive model (no <see cref="Details"/>).</summary>
public sealed record ActivationResponse(string Symbol, int Version, string Model, ModelVersion? Details);
