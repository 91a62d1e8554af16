using System.Globalization;
using StreamPredictor.Cli.Tests.Support;
using StreamPredictor.Grains.Market;
using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Cli.Tests;

public sealed class DailyCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Prints_one_line_per_day_oldest_first_after_the_header()
    {
        var run = await CliRun.RunAsync("daily", SharedData.PathOf(SharedData.CoinbaseMinutes));

        Assert.Equal(0, run.ExitCode);
        var lines = run.OutLines;
        Assert.Equal("date,mean_close,ticks,open,high,low,close,volume", lines[0]);
        Assert.Equal(10, lines.Length);
        var dates = lines.Skip(1).Select(l => DateOnly.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.Order(), dates);
        var december = lines.Single(l => l.StartsWith("2017-12-17,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(19_537.70, double.Parse(december[1], CultureInfo.InvariantCulture), 0.005);
        Assert.Equal("1440", december[2]);
    }

    [Fact]
    public async Task Mean_close_round_trips_to_the_same_double()
    {
        var path = SharedData.PathOf(SharedData.BitstampHourly);

        var run = await CliRun.RunAsync("daily", path);
        var days = DailyImport.Run(path).Days;

        var printed = run.OutLines.Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(days.Select(d => BitConverter.DoubleToInt64Bits(d.MeanClose)), printed.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public async Task Out_writes_the_same_csv_to_a_file_and_reports_on_stderr()
    {
        var path = SharedData.PathOf(SharedData.Daily);
        var target = _files.PathOf("days.csv");

        var toStdout = await CliRun.RunAsync("daily", path);
        var toFile = await CliRun.RunAsync("daily", path, "--out", target);

        Assert.Equal(0, toFile.ExitCode);
        Assert.Empty(toFile.Out);
        Assert.Equal(toStdout.Out, await File.ReadAllTextAsync(target));
        Assert.Contains("5,152 days", toFile.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_exits_non_zero_naming_file_line_and_field_without_a_stack_trace()
    {
        var path = _files.Write("bad.csv", "timestamp,open,high,low,close,volume\n1609459200,10,11,9,10,1\n1609459260,10,9,11,10,1\n");

        var run = await CliRun.RunAsync("daily", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"stream: error: {path}:3: field 'high': high 9 is below low 11\n", run.Error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain(" at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Skip_bad_reports_counts_by_reason_and_keeps_going()
    {
        var path = _files.Write("bad.csv", "timestamp,open,high,low,close,volume\n1609459200,10,11,9,10,1\n1609459260,10,9,11,10,1\n1609459320,0,11,9,10,1\n1609459380,10,11,9,12,1\n");

        var run = await CliRun.RunAsync("daily", path, "--skip-bad");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("skipped bad rows by reason: NonPositivePrice 1, HighBelowLow 1", run.Error, StringComparison.Ordinal);
        Assert.Equal("2021-01-01,11,2,10,11,9,12,2", run.OutLines[1]);
    }

    [Fact]
    public async Task A_missing_file_is_one_line_of_error()
    {
        var run = await CliRun.RunAsync("daily", _files.PathOf("nope.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Matches("^stream: error: .*nope.csv: no such file\n$", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_empty_file_prints_just_the_header()
    {
        var run = await CliRun.RunAsync("daily", _files.Write("empty.csv", ""));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["date,mean_close,ticks,open,high,low,close,volume"], run.OutLines);
        Assert.Contains("empty layout, 0 rows -> 0 days", run.Error, StringComparison.Ordinal);
    }
}
