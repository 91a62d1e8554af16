using System.CommandLine;
using System.Globalization;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Client;
using StreamPredictor.Sources;
using StreamPredictor.Sources.Bars;
using StreamPredictor.Sources.Hosting;
using StreamPredictor.Sources.Ingestion;

namespace StreamPredictor.Cli.Commands.Live;

/// <summary>
/// <c>stream backfill --symbol SYM --source bitstamp --from D [--to D]</c>: pulls an exchange's minute history into
/// the cluster with a progress bar. Interrupted (Ctrl-C, a crash), it picks up after the newest stored minute.
/// </summary>
public static class BackfillCommand
{
    public static Command Create(CliConsole console)
    {
        var symbol = SymbolOption.Create();
        var sources = new SourceOptions();
        var from = new Option<DateOnly>("--from") { Description = "First UTC day (yyyy-mm-dd).", Required = true };
        var to = new Option<DateOnly?>("--to") { Description = "Last UTC day, included (default: up to the last complete minute)." };
        var cluster = new ClusterOptions();
        var command = new Command("backfill", "Pull a symbol's minute history from an exchange's REST API into the cluster; resumes after an interruption.") { symbol, from, to };
        sources.AddTo(command);
        cluster.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var name = result.GetRequiredValue(symbol);
            var sourceName = result.GetRequiredValue(sources.Source);
            if (sourceName.StartsWith(SourceFactory.ReplayPrefix, StringComparison.Ordinal))
            {
                throw new CliUsageException("backfill needs an exchange source (bitstamp); to load a file use 'stream ingest FILE' or 'stream live --source replay:FILE'");
            }

            SourceOptions.Check(name, sourceName, result.GetValue(sources.Pair), 1);
            var first = result.GetRequiredValue(from);
            var last = result.GetValue(to);
            if (last < first)
            {
                throw new CliUsageException($"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}");
            }

            var factory = sources.Factory(result, console);
            await using var connection = await cluster.ConnectAsync(result, cancellationToken);
            using var source = (IDisposable)factory.Create(name, sourceName, result.GetValue(sources.Pair));
            var fromSeconds = Tick.DayNumberOf(first) * Tick.SecondsPerDay;
            var toSeconds = last is { } day ? (Tick.DayNumberOf(day) + 1) * Tick.SecondsPerDay : long.MaxValue;
            await RunAsync(connection.Client, console, name, (IHistorySource)source, fromSeconds, toSeconds, cancellationToken);
            return 0;
        });
        return command;
    }

    public static async Task<BackfillResult> RunAsync(StreamClient client, CliConsole console, string symbol, IHistorySource source, long from, long to, CancellationToken stopping)
    {
        var c = CultureInfo.InvariantCulture;
        var end = Math.Min(to, source.CompleteBefore());
        var resumeFrom = from;
        var bar = new ProgressLine<IngestProgress>(console, p => Bar(symbol, source, resumeFrom, end, p));
        BackfillResult result;
        try
        {
            result = await FeedRunner.RunBackfillAsync(client, symbol, source, from, to, 4096, new Progress<IngestProgress>(bar.Report), stopping, CancellationToken.None);
        }
        catch (SourceException e)
        {
            throw new CliUsageException(e.Message);
        }

        bar.Done();
        var range = string.Create(c, $"{Minutes.ToTime(result.From):yyyy-MM-dd HH:mm}Z to {Minutes.ToTime(result.To):yyyy-MM-dd HH:mm}Z");
        if (result.Sent is not { } sent)
        {
            console.Error.WriteLine($"backfill {symbol}: nothing to fetch; {symbol} already holds {range}");
            return result;
        }

        var status = source.Counters.Snapshot();
        var through = status.LastTradeTime is { } t ? t.ToString("yyyy-MM-dd HH:mm'Z'", c) : "nothing";
        console.Error.WriteLine(string.Create(c,
            $"backfill {symbol} from {source.Name}, {range}{(result.Resumed ? string.Create(c, $", resumed at {Minutes.ToTime(result.Start):yyyy-MM-dd HH:mm}Z") : "")}: {sent.TicksSent:N0} minutes with trades through {through}, all confirmed ({sent.Stats.Accepted:N0} accepted in all, {sent.Stats.Duplicates:N0} duplicates), {sent.Elapsed.TotalSeconds:F1} s"));
        if (status.Throttled + status.BadInputTotal > 0)
        {
            console.Error.WriteLine(string.Create(c, $"  {status.Throttled:N0} throttled answers; bad input: ") + (status.BadInput.Count == 0 ? "none" : string.Join(", ", status.BadInput.Select(b => $"{b.Key} {b.Value}"))));
        }

        if (stopping.IsCancellationRequested)
        {
            console.Error.WriteLine($"backfill {symbol}: stopped; run the same command again to go on");
        }

        return result;
    }

    private static string Bar(string symbol, IHistorySource source, long from, long to, IngestProgress progress)
    {
        var status = source.Counters.Snapshot();
        var at = status.LastTradeTime?.ToUnixTimeSeconds() ?? from;
        var share = to > from ? Math.Clamp((double)(at - from) / (to - from), 0, 1) : 1;
        var filled = (int)(share * 30);
        return string.Create(CultureInfo.InvariantCulture,
            $"backfill {symbol} [{new string('#', filled)}{new string('.', 30 - filled)}] {share:P0} {Minutes.ToTime(at):yyyy-MM-dd HH:mm}Z, {progress.TicksSent:N0} minutes, {status.Throttled:N0} throttled");
    }
}
