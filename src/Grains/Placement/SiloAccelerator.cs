using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Grains.Placement;

/// <summary>Whether this silo offers an accelerator to trainer grains, and how that was decided.</summary>
public sealed record SiloAccelerator(bool Available, string Source)
{
    public const string MetadataKey = "accelerator";

    /// <summary>From configuration when set; otherwise CUDA detection (only tried when an NVIDIA device node exists).</summary>
    public static SiloAccelerator Resolve(bool? configured)
    {
        if (configured is { } flag)
        {
            return new SiloAccelerator(flag, "configuration");
        }

        var cuda = File.Exists("/dev/nvidiactl") && TorchRuntime.DeviceName == "cuda";
        return new SiloAccelerator(cuda, cuda ? "CUDA detected" : "no CUDA device");
    }
}
