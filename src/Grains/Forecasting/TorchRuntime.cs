using TorchSharp;

namespace Stream.Grains.Forecasting;

/// <summary>The device every model uses, picked once: CUDA when present, else the CPU.</summary>
public static class TorchRuntime
{
    private static readonly Lazy<torch.Device> LazyDevice = new(() => torch.cuda.is_available() ? torch.CUDA : torch.CPU);

    public static torch.Device Device => LazyDevice.Value;

    public static string DeviceName => Device.type == DeviceType.CUDA ? "cuda" : "cpu";
}
