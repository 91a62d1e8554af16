using System.Diagnostics;
using System.Globalization;
using StreamPredictor.Ticks;

namespace StreamPredictor.Bench;

/// <summary>
/// The tick reader alone (read, split, parse, validate; no aggregation), in CPU time as well as wall time, so that
/// two builds can be compared on a machine other processes keep busy: <c>parse [passes]</c>.
/// </summary>
public static class ParseThroughput
{
    public static int Run(string[] args)
    {
        var passes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        (string Label, string Path)[] inputs =
        [
            ("binance 1m, gzip", BenchData.SharedFile(BenchData.BinanceGz)),
            ("binance 1m, plain", BenchData.PlainBinance(1)),
        ];
        Console.WriteLine($"| input | passes | rows | rows per CPU-second | rows/s (wall) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (label, path) in inputs)
        {
            TickFile.Check(path);
            using var self = Process.GetCurrentProcess();
            var cpu = self.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            long rows = 0;
            for (var pass = 0; pass < passes; pass++)
            {
                rows += TickFile.Check(path).TickRows;
            }

            var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
            self.Refresh();
            var cpuSeconds = (self.TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {passes} | {rows:N0} | {rows / cpuSeconds / 1e6:F2}M | {rows / wall / 1e6:F2}M |"));
        }

        return 0;
    }
}
