using BenchmarkDotNet.Running;
using Stream.Bench;

return args is [var mode, .. var rest] && DailyThroughput.Modes.Contains(mode)
    ? DailyThroughput.Run(mode, rest)
    : RunBenchmarkDotNet(args);

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(DailyThroughput).Assembly).Run(args);
    return 0;
}
