using System.Diagnostics;
using System.Globalization;
using StreamPredictor.Grains.Market;

namespace StreamPredictor.Bench;

/// <summary>
/// Throughput and peak memory of the <c>stream daily</c> path (read, parse, validate, aggregate), single thread.
/// <c>daily</c> runs every input in a child process of its own, so each peak working set is that input's alone.
/// </summary>
public static class DailyThroughput
{
    public static readonly string[] Modes = ["daily", "daily-one"];

    private const int Runs = 7;

    public static int Run(string mode, string[] args) => mode switch
    {
        "daily" => RunAll(),
        _ => RunOne(args[0]),
    };

    private static int RunAll()
    {
        (string Label, string Path)[] inputs =
        [
            ("binance 1m, gzip", BenchData.SharedFile(BenchData.BinanceGz)),
            ("binance 1m, plain", BenchData.PlainBinance(1)),
            ("binance 1m, plain, x10", BenchData.PlainBinance(10)),
        ];
        Console.WriteLine("| input | rows | MB read | median rows/s | median MB/s | peak working set |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (label, path) in inputs)
        {
            // Under 'dotnet run' this process is the app host; under 'dotnet Bench.dll' it is dotnet, which needs the dll.
            var host = Environment.ProcessPath!;
            string[] arguments = Path.GetFileNameWithoutExtension(host) == "dotnet"
                ? [typeof(DailyThroughput).Assembly.Location, "daily-one", path]
                : ["daily-one", path];
            var child = Process.Start(new ProcessStartInfo(host, arguments)
            {
                RedirectStandardOutput = true,
            })!;
            var line = child.StandardOutput.ReadToEnd().Trim();
            child.WaitForExit();
            Console.WriteLine($"| {label} | {line}");
        }

        return 0;
    }

    private static int RunOne(string path)
    {
        var results = new List<DailyImportResult>();
        for (var run = 0; run < Runs; run++)
        {
            results.Add(DailyImport.Run(path));
        }

        var median = results.OrderBy(r => r.Elapsed).ElementAt(Runs / 2);
        var seconds = median.Elapsed.TotalSeconds;
        var rows = median.Rows;
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows:N0} | {median.BytesRead / 1e6:F1} | {rows / seconds / 1e6:F2}M | {median.BytesRead / 1e6 / seconds:F0} | {self.PeakWorkingSet64 / 1e6:F0} MB |"));
        return 0;
    }
}
