using Orleans.Placement;

namespace StreamPredictor.Grains.Placement;

/// <summary>The strategy behind <see cref="AcceleratorPlacementAttribute"/>; it carries no parameters.</summary>
public sealed class AcceleratorFilterStrategy() : PlacementFilterStrategy(order: 0);
