using StreamPredictor.Grains.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Client.Tests.Support;

/// <summary>The shared price files as ticks, and as the days <c>stream daily</c> makes of them.</summary>
public static class TickFiles
{
    public static Tick[] Ticks(string file)
    {
        using var reader = TickReader.Open(SharedData.PathOf(file));
        return [.. reader.ReadBatches(8192).SelectMany(b => b)];
    }

    public static IReadOnlyList<DailyBar> Days(string file) => DailyImport.Run(SharedData.PathOf(file)).Days;

    /// <summary>A tick an hour ago: after every shared file, inside the silo's future margin, closing nothing a test looks at.</summary>
    public static Tick Sentinel { get; } = new(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3600, 1, 1, 1, 1, 1);
}
