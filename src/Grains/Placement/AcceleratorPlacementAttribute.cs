using Orleans.Placement;

namespace StreamPredictor.Grains.Placement;

/// <summary>Places a grain on a silo whose metadata says it has an accelerator, or on any silo when none has.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class AcceleratorPlacementAttribute() : PlacementFilterAttribute(new AcceleratorFilterStrategy());
