using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace StreamPredictor.Grains.Placement;

public static class PlacementSiloBuilderExtensions
{
    /// <summary>Publishes this silo's accelerator flag as silo metadata and installs the accelerator placement filter.</summary>
    public static ISiloBuilder AddAcceleratorPlacement(this ISiloBuilder silo, SiloAccelerator accelerator)
    {
        silo.UseSiloMetadata(new Dictionary<string, string>
        {
            [SiloAccelerator.MetadataKey] = accelerator.Available ? "true" : "false",
        });
        silo.Services.AddSingleton(accelerator);
        silo.Services.AddPlacementFilter<AcceleratorFilterStrategy, AcceleratorFilterDirector>(ServiceLifetime.Transient);
        return silo;
    }
}
