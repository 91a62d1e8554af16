using System.CommandLine;
using System.Globalization;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Client;
using StreamPredictor.Sources;
using StreamPredictor.Sources.Hosting;
using StreamPredictor.Sources.Ingestion;

namespace StreamPredictor.Cli.Commands.Live;

/// <summary>
/// <c>stream live --symbol SYM --source bitstamp|replay:FILE</c>: runs a live source into the cluster from the
/// symbol's last stored minute, with a status line on standard error and each new forecast on standard output.
/// Ctrl-C stops it: every complete minute is published and confirmed before it exits 0. A replay exits 0 once the
/// whole file is confirmed.
/// </summary>
public static class LiveCommand
{
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(25);

    public static Command Create(CliConsole console)
    {
        var symbol = SymbolOption.Create();
        var sources = new SourceOptions();
        var speed = new Option<double>("--speed")
        {
            Description = "For replay: how many times faster than the file's own time (0: as fast as possible).",
            DefaultValueFactory = _ => 1,
        };
        var statusEvery = new Option<double>("--status-every")
        {
            Description = "Seconds between status lines when standard error is not a terminal.",
            DefaultValueFactory = _ => 10,
        };
        var cluster = new ClusterOptions();
        var command = new Command("live", "Feed a symbol from a live source (bitstamp) or a replayed tick file, with a status line and forecasts as they change.") { symbol, speed, statusEvery };
        sources.AddTo(command);
        cluster.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var name = result.GetRequiredValue(symbol);
            var sourceName = result.GetRequiredValue(sources.Source);
            SourceOptions.Check(name, sourceName, result.GetValue(sources.Pair), result.GetValue(speed));
            if (result.GetValue(statusEvery) <= 0)
            {
                throw new CliUsageException("--status-every must be positive");
            }

            var factory = sources.Factory(result, console);
            await using var connection = await cluster.ConnectAsync(result, cancellationToken);
            var source = factory.Create(name, sourceName, result.GetValue(sources.Pair), result.GetValue(speed));
            try
            {
                await RunAsync(connection.Client, console, name, source, TimeSpan.FromSeconds(result.GetValue(statusEvery)), cancellationToken);
            }
            finally
            {
                (source as IDisposable)?.Dispose();
            }

            return 0;
        });
        return command;
    }

    /// <summary>Runs the source until <paramref name="stopping"/> (or the end of a replay), then prints what was confirmed.</summary>
    public static async Task<IngestResult> RunAsync(StreamClient client, CliConsole console, string symbol, ITickSource source, TimeSpan statusEvery, CancellationToken stopping)
    {
        var isReplay = source.Name.StartsWith(SourceFactory.ReplayPrefix, StringComparison.Ordinal);
        IngestProgress? sent = null;
        var progress = new Progress<IngestProgress>(p => sent = p);

        await using var status = new StatusPrinter(console, () => LiveStatus.Format(symbol, source.Counters.Snapshot(), sent, isReplay), statusEvery);
        Forecast? shown = null;
        void Show(Forecast forecast)
        {
            if (forecast != shown)
            {
                shown = forecast;
                status.WriteResult(ForecastCommand.Format(forecast));
            }
        }
        if (await client.GetForecastAsync(symbol) is { } current)
        {
            Show(current);
        }

        await using var forecasts = await client.SubscribeForecastsAsync(symbol, forecast =>
        {
            Show(forecast);
            return Task.CompletedTask;
        });
        status.Start();
        using var confirm = new CancellationTokenSource();
        await using var onStop = stopping.Register(() => confirm.CancelAfter(ConfirmTimeout));
        IngestResult result;
        try
        {
            result = await FeedRunner.RunLiveAsync(client, symbol, source, 4096, progress, stopping, confirm.Token);
        }
        catch (OperationCanceledException) when (confirm.IsCancellationRequested)
        {
            throw new CliUsageException($"stopped, but the cluster did not confirm the last minutes within {ConfirmTimeout.TotalSeconds:F0} s; the next start resumes after the last stored minute");
        }
        catch (SourceException e)
        {
            throw new CliUsageException(e.Message);
        }

        if (await LatestForecastAsync(client, symbol) is { } latest)
        {
            Show(latest);
        }

        await status.DisposeAsync();
        var c = CultureInfo.InvariantCulture;
        console.Error.WriteLine(LiveStatus.Format(symbol, source.Counters.Snapshot(), sent, isReplay));
        console.Error.WriteLine(string.Create(c,
            $"{(isReplay ? "replay" : "live")} {symbol}: {result.TicksSent:N0} {(isReplay ? "ticks" : "minutes")} in {result.BatchesSent:N0} batches, all confirmed; {result.Stats.Accepted:N0} accepted, {result.Stats.Duplicates:N0} duplicates, {result.Stats.Rejected:N0} rejected; newest {result.Stats.NewestTick:yyyy-MM-dd HH:mm}Z"));
        return result;
    }

    /// <summary>
    /// The forecast made from the symbol's newest closed day: forecasts follow closed days through a stream, so the
    /// last ones may come a moment after the ticks are confirmed. Waits a few seconds for it, else the latest there is.
    /// </summary>
    private static async Task<Forecast?> LatestForecastAsync(StreamClient client, string symbol)
    {
        var newestClosed = (await client.GetDaysAsync(symbol, includeOpenDay: false)).LastOrDefault()?.Date;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var forecast = await client.GetForecastAsync(symbol);
            if (newestClosed is null || forecast?.BasedOn >= newestClosed || DateTime.UtcNow > deadline)
            {
                return forecast;
            }

            await Task.Delay(100);
        }
    }
}
