using StreamPredictor.Grains.Market;
using StreamPredictor.Grains.Tests.Support;
using StreamPredictor.Ticks;

namespace StreamPredictor.Integration.Tests;

/// <summary>The shared price files as ticks, and as the days <c>stream daily</c> makes of them.</summary>
public static class TickFiles
{
    public static Tick[] Ticks(string file)
    {
        using var reader = TickReader.Open(SharedData.PathOf(file));
        return [.. reader.ReadBatches(8192).SelectMany(b => b)];
    }

    public static IReadOnlyList<DailyBar> Days(string file) => DailyImport.Run(SharedData.PathOf(file)).Days;
}
