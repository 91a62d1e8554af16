using System.CommandLine;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Backtesting;
using StreamPredictor.Grains.Forecasting.Plotting;

namespace StreamPredictor.Cli.Commands;

/// <summary>
/// <c>stream run FILE --symbol SYM [--model KIND] [--epochs N] [--plot PATH]</c>: the main job on an embedded silo:
/// ingest the file as a stream, register <c>last</c> (active if it beats naive), train the model (the day-feature LSTM by
/// default; active if it beats the active model), score naive, last and the model on the held-out days, print the
/// active model's next-day forecast, and draw the held-out days.
/// </summary>
public static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var file = TickFileArgument.Create();
        var symbol = SymbolOption.Create();
        var model = TrainCommand.ModelOption();
        var epochs = new Option<int?>("--epochs") { Description = "Training epochs (default 50, the tutorial's)." };
        var heldOut = new Option<int>("--held-out") { Description = "Last closed days held out to score the models against naive and last.", DefaultValueFactory = _ => 60 };
        var plot = new Option<FileInfo?>("--plot") { Description = "Write a PNG of the held-out days: truth, naive, last and the model." };
        var data = new Option<DirectoryInfo?>("--data") { Description = "Data directory of the embedded silo (default: ~/.local/share/stream)." };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (1 is fastest for these small networks on a shared machine).", DefaultValueFactory = _ => 1 };
        var skipBad = CommonOptions.SkipBad();
        var command = new Command("run", "The main job, in one process: ingest a tick file, train a model, score it against naive and last, forecast the next day.")
        {
            file, symbol, model, epochs, heldOut, plot, data, threads, skipBad,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var name = result.GetRequiredValue(symbol);
            var path = TickFileArgument.RequireExisting(result.GetRequiredValue(file));
            var torchThreads = result.GetValue(threads);
            if (torchThreads < 1) throw new CliUsageException("--threads must be at least 1");
            TorchRuntime.UseThreads(torchThreads);
            await using var connection = await ClusterConnection.OpenAsync(embedded: true, null, result.GetValue(data)?.FullName, cancellationToken);
            var client = connection.Client;
            await IngestCommand.RunAsync(client, console, path, name, 4096, result.GetValue(skipBad), cancellationToken);

            var kind = result.GetRequiredValue(model);
            var held = result.GetValue(heldOut);
            var request = new TrainingRequest(kind, result.GetValue(epochs), HeldOutDays: held);
            if (!ModelNames.IsTrivial(kind))
            {
                // The model asked for is checked before the baseline trains: its needs are the ones to report.
                var closedDays = (await client.GetStatsAsync(name, cancellationToken)).ClosedDays;
                if ((TrainingRules.Problem(request) ?? TrainingRules.DaysProblem(request, closedDays)) is { } problem)
                {
                    throw new CliUsageException($"training request for {name}: {problem}");
                }


                var baseline = await TrainCommand.RunAsync(client, console, name, new TrainingRequest(ModelNames.Last, HeldOutDays: held), cancellationToken);
                if (baseline.State != TrainingState.Completed) return 1;
            }

            var status = await TrainCommand.RunAsync(client, console, name, request, cancellationToken);
            if (status.State != TrainingState.Completed)
            {
                return 1;
            }

            var days = await client.GetDaysAsync(name, includeOpenDay: false);
            var backtest = Backtest(days, status.Result!);
            console.Out.Write(BacktestTable.Format(backtest));
            if (result.GetValue(plot) is { } png)
            {
                BacktestPlot.SavePng(backtest, png.FullName);
                console.Error.WriteLine($"wrote {png.FullName}");
            }

            var forecast = await client.RefreshForecastAsync(name, cancellationToken);
            console.Out.WriteLine(forecast is null ? $"{name}: no forecast (no closed day)" : ForecastCommand.Format(forecast));
            return 0;
        });
        return command;
    }

    /// <summary>The trained version's held-out forecasts beside naive's and last's, in the shape the backtest table and plot read.</summary>
    private static BacktestResult Backtest(DailyBar[] days, ModelVersion version)
    {
        var forecasts = version.HeldOutForecasts ?? [];
        var start = days.Length - forecasts.Length;
        var window = new BacktestWindow(start, forecasts.Length, days[start].Date, days[^1].Date);
        var actual = days[start..].Select(d => d.MeanClose).ToArray();
        var naive = days[(start - 1)..^1].Select(d => d.MeanClose).ToArray();
        var last = days[(start - 1)..^1].Select(d => d.Close).ToArray();
        WindowScore Score(double[] predicted, double seconds, int epochs) =>
            new(window, ForecastMetrics.Compute(actual, predicted, naive, last), seconds, epochs, predicted, [], KeptLast: predicted.SequenceEqual(last));

        var rows = new List<ModelBacktest> { new(ModelSpec.Default(ModelNames.Naive), Score(naive, 0, 0), []) };
        if (version.Model != ModelNames.Naive)
        {
            rows.Add(new ModelBacktest(ModelSpec.Default(ModelNames.Last), Score(last, 0, 0), []));
        }

        if (!ModelNames.IsTrivial(version.Model))
        {
            rows.Add(new ModelBacktest(ModelSpec.Default(version.Model), Score(forecasts, version.TrainingSeconds, version.EpochsRun), []));
        }

        return new BacktestResult(window, days[start..], [], rows);
    }
}
