using BenchmarkDotNet.Running;
using StreamPredictor.Bench;

return args switch
{
    ["ingest", .. var rest] => await IngestThroughput.RunAsync(rest),
    ["cluster-ingest", .. var rest] => await ClusterIngestThroughput.RunAsync(rest),
    ["forecast", .. var rest] => await GatewayForecastLatency.RunAsync(rest),
    ["soak", .. var rest] => await StreamPredictor.Bench.Soak.SoakRun.RunAsync(rest),
    ["http-forecast", .. var rest] => await HttpForecastLatency.RunAsync(rest),
    ["parse", .. var rest] => ParseThroughput.Run(rest),
    [var mode, .. var rest] when DailyThroughput.Modes.Contains(mode) => DailyThroughput.Run(mode, rest),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(DailyThroughput).Assembly).Run(args);
    return 0;
}
