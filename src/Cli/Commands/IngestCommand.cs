using System.CommandLine;
using System.Globalization;
using StreamPredictor.Client;
using StreamPredictor.Grains.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Cli.Commands;

/// <summary><c>stream ingest FILE --symbol SYM</c>: publishes a tick file on the symbol's stream, with progress and a summary.</summary>
public static class IngestCommand
{
    public static Command Create(CliConsole console)
    {
        var file = TickFileArgument.Create();
        var symbol = SymbolOption.Create();
        var batch = new Option<int>("--batch")
        {
            Description = "Ticks per stream batch.",
            DefaultValueFactory = _ => 4096,
            Validators = { OptionRule.Check<int>(size => size < 1 ? "--batch must be at least 1" : null) },
        };
        var skipBad = CommonOptions.SkipBad();
        var cluster = new ClusterOptions();
        var command = new Command("ingest", "Publish a tick file to a symbol's tick stream and report what the cluster accepted.") { file, symbol, batch, skipBad };
        cluster.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = TickFileArgument.RequireExisting(result.GetRequiredValue(file));
            CheckFile(path, result.GetValue(skipBad));
            await using var connection = await cluster.ConnectAsync(result, cancellationToken);
            await PublishAsync(connection.Client, console, path, result.GetRequiredValue(symbol), result.GetValue(batch), result.GetValue(skipBad), cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>Checks the (existing) file, then publishes it: nothing of a file that fails the check is sent.</summary>
    public static Task<IngestResult> RunAsync(StreamClient client, CliConsole console, FileInfo file, string symbol, int batchSize, bool skipBad, CancellationToken cancellationToken)
    {
        CheckFile(file, skipBad);
        return PublishAsync(client, console, file, symbol, batchSize, skipBad, cancellationToken);
    }

    /// <summary>
    /// A validating pass over the whole file before anything is published, so that a file that would stop half-way
    /// (a bad row without --skip-bad, a gzip file cut short or damaged) publishes nothing: a second read of the file
    /// in constant memory, rather than holding every tick in memory until the file is known to be whole.
    /// </summary>
    public static TickFileSummary CheckFile(FileInfo file, bool skipBad) =>
        TickFile.Check(file.FullName, new TickReaderOptions { SkipBad = skipBad });

    /// <summary>Reads the (checked) file in batches, publishes them, waits for the market grain, and prints a summary on standard error.</summary>
    private static async Task<IngestResult> PublishAsync(StreamClient client, CliConsole console, FileInfo file, string symbol, int batchSize, bool skipBad, CancellationToken cancellationToken)
    {
        if (batchSize < 1)
        {
            throw new CliUsageException("--batch must be at least 1");
        }

        using var reader = TickReader.Open(file.FullName, new TickReaderOptions { SkipBad = skipBad });
        var progress = new ProgressLine<IngestProgress>(console, p => string.Create(CultureInfo.InvariantCulture,
            $"ingest {symbol}: {p.TicksSent:N0} ticks sent, {p.TicksPerSecond:N0} ticks/s"));
        var result = await client.IngestAsync(symbol, reader.ReadBatches(batchSize).ToAsyncEnumerable(), progress, cancellationToken);
        progress.Done();
        var s = result.Stats;
        var c = CultureInfo.InvariantCulture;
        console.Error.WriteLine(string.Create(c,
            $"ingest {symbol}: {result.TicksSent:N0} ticks in {result.BatchesSent:N0} batches, {result.Elapsed.TotalSeconds:F2} s ({result.TicksPerSecond:N0} ticks/s) from {reader.Layout?.Name ?? "empty"} file {file.Name}"));
        console.Error.WriteLine(string.Create(c,
            $"{symbol} now: {s.Accepted:N0} ticks accepted, {s.Duplicates:N0} duplicates, {s.LateAccepted:N0} late (revised closed days), {s.Rejected:N0} rejected; {s.ClosedDays:N0} closed days, open day {s.OpenDay:yyyy-MM-dd}"));
        if (s.Rejected > 0)
        {
            console.Error.WriteLine("rejected by reason: " + string.Join(", ", s.RejectedByReason.Select(r => string.Create(c, $"{r.Key} {r.Value:N0}"))));
        }

        if (reader.MissingCloseRows + reader.BadRows > 0)
        {
            console.Error.WriteLine(string.Create(c, $"file rows not sent: {reader.MissingCloseRows:N0} without a close, {reader.BadRows:N0} bad"));
        }

        return result;
    }
}
