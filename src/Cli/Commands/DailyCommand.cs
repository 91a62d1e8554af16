using System.CommandLine;
using System.Globalization;
using StreamPredictor.Grains.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Cli.Commands;

/// <summary><c>stream daily FILE [--out PATH] [--skip-bad]</c>: a tick file to one CSV line per UTC day.</summary>
public static class DailyCommand
{
    public static Command Create(CliConsole console)
    {
        var file = TickFileArgument.Create();
        var output = new Option<FileInfo?>("--out") { Description = "Write the CSV here instead of standard output." };
        var skipBad = CommonOptions.SkipBad();
        var command = new Command("daily", "Group a tick file into UTC days: mean close, tick count, OHLC and volume.")
        {
            file, output, skipBad,
        };
        command.SetAction(result =>
        {
            var import = Import(result.GetRequiredValue(file), result.GetValue(skipBad), console);
            var outPath = result.GetValue(output);
            if (outPath is null)
            {
                DailyCsv.Write(console.Out, import.Days);
            }
            else
            {
                using var writer = new StreamWriter(outPath.FullName);
                DailyCsv.Write(writer, import.Days);
            }

            ReportImport(console, import);
            return 0;
        });
        return command;
    }

    /// <summary>Reads a tick file into days, with the errors and option the commands share.</summary>
    public static DailyImportResult Import(FileInfo file, bool skipBad, CliConsole? console = null)
    {
        TickFileArgument.RequireExisting(file);
        var progress = console is null ? null : new ProgressLine<DailyImportProgress>(console, p => string.Create(CultureInfo.InvariantCulture,
            $"{file.Name}: {p.Lines:N0} lines, {p.Bytes / 1e6:F0} MB read"));
        var result = DailyImport.Run(file.FullName, new TickReaderOptions { SkipBad = skipBad }, progress);
        progress?.Done();
        return result;
    }

    /// <summary>One summary line on standard error, and the skipped rows by reason when there were any.</summary>
    public static void ReportImport(CliConsole console, DailyImportResult import)
    {
        var c = CultureInfo.InvariantCulture;
        var seconds = import.Elapsed.TotalSeconds;
        console.Error.WriteLine(string.Create(c,
            $"{import.File}: {import.Layout ?? "empty"} layout, {import.Rows:N0} rows -> {import.Days.Count:N0} days, {import.TicksCounted:N0} ticks; skipped {import.MissingCloseRows:N0} without a close (NaN), {import.Duplicates:N0} duplicate timestamps, {import.BadRows:N0} bad rows; {seconds:F2} s, {import.Rows / Math.Max(seconds, 1e-9) / 1e6:F1}M rows/s"));
        if (import.BadRows > 0)
        {
            console.Error.WriteLine("skipped bad rows by reason: " +
                string.Join(", ", import.BadRowsByReason.Select(r => string.Create(c, $"{r.Key} {r.Value:N0}"))));
        }
    }
}
