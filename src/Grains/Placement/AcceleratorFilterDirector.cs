using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace StreamPredictor.Grains.Placement;

/// <summary>
/// Keeps the silos whose metadata has <c>accelerator=true</c>, judged on each candidate's own metadata (the
/// built-in RequiredMatch filter compares candidates with the calling silo instead, which is wrong here).
/// When no candidate has one, all stay: training falls back to any silo rather than failing.
/// </summary>
public sealed class AcceleratorFilterDirector(ISiloMetadataCache metadata) : IPlacementFilterDirector
{
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos)
    {
        var candidates = silos.ToList();
        var accelerated = candidates.Where(HasAccelerator).ToList();
        return accelerated.Count > 0 ? accelerated : candidates;
    }

    private bool HasAccelerator(SiloAddress silo) =>
        metadata.GetSiloMetadata(silo).Metadata.TryGetValue(SiloAccelerator.MetadataKey, out var value)
        && bool.TryParse(value, out var flag) && flag;
}
