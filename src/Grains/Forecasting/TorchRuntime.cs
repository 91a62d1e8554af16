using TorchSharp;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>The device every model uses, picked once (CUDA when present, else the CPU), and torch's CPU threads.</summary>
public static class TorchRuntime
{
    private static readonly Lazy<torch.Device> LazyDevice = new(() => torch.cuda.is_available() ? torch.CUDA : torch.CPU);

    public static torch.Device Device => LazyDevice.Value;

    public static string DeviceName => Device.type == DeviceType.CUDA ? "cuda" : "cpu";

    /// <summary>
    /// Sets torch's intra-op CPU threads for the process. These networks are small: one thread is nearly as fast as two on
    /// an idle machine and many times faster on a busy one (OpenMP threads spin against other processes), and a fixed
    /// count keeps results independent of the machine's cores.
    /// </summary>
    public static void UseThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        torch.set_num_threads(threads);
    }
}
