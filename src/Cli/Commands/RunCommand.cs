using System.CommandLine;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Abstractions.Market;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Backtesting;
using StreamPredictor.Grains.Forecasting.Plotting;

namespace StreamPredictor.Cli.Commands;

/// <summary>
/// <c>stream run FILE --symbol SYM [--model KIND] [--epochs N] [--plot PATH]</c>: the main job on an embedded
/// silo: ingest the file as a stream, train, score against naive on the held-out days, print the next-day
/// forecast, and draw the held-out days.
/// </summary>
public static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var file = TickFileArgument.Create();
        var symbol = SymbolOption.Create();
        var model = TrainCommand.ModelOption();
        var epochs = new Option<int?>("--epochs") { Description = "Training epochs (default 50, the tutorial's)." };
        var heldOut = new Option<int>("--held-out") { Description = "Last closed days held out to score the model against naive.", DefaultValueFactory = _ => 60 };
        var plot = new Option<FileInfo?>("--plot") { Description = "Write a PNG of the held-out days: truth, the model and naive." };
        var data = new Option<DirectoryInfo?>("--data") { Description = "Data directory of the embedded silo (default: ~/.local/share/stream)." };
        var skipBad = CommonOptions.SkipBad();
        var command = new Command("run", "The main job, in one process: ingest a tick file, train a model, score it against naive, forecast the next day.")
        {
            file, symbol, model, epochs, heldOut, plot, data, skipBad,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var name = result.GetRequiredValue(symbol);
            var path = TickFileArgument.RequireExisting(result.GetRequiredValue(file));
            await using var connection = await ClusterConnection.OpenAsync(embedded: true, null, result.GetValue(data)?.FullName, cancellationToken);
            var client = connection.Client;
            await IngestCommand.RunAsync(client, console, path, name, 4096, result.GetValue(skipBad), cancellationToken);

            var request = new TrainingRequest(result.GetRequiredValue(model), result.GetValue(epochs), HeldOutDays: result.GetValue(heldOut));
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

    /// <summary>The trained version's held-out forecasts beside naive's, in the shape the backtest table and plot read.</summary>
    private static BacktestResult Backtest(DailyBar[] days, ModelVersion version)
    {
        var forecasts = version.HeldOutForecasts ?? [];
        var start = days.Length - forecasts.Length;
        var window = new BacktestWindow(start, forecasts.Length, days[start].Date, days[^1].Date);
        var actual = days[start..].Select(d => d.MeanClose).ToArray();
        var naive = days[(start - 1)..^1].Select(d => d.MeanClose).ToArray();
        var naiveScore = new WindowScore(window, ForecastMetrics.Compute(actual, naive, naive), 0, 0, naive, []);
        var modelScore = new WindowScore(window, ForecastMetrics.Compute(actual, forecasts, naive), version.TrainingSeconds, version.EpochsRun, forecasts, []);
        return new BacktestResult(window, days[start..], [],
        [
            new ModelBacktest(ModelSpec.Default(ModelNames.Naive), naiveScore, []),
            new ModelBacktest(ModelSpec.Default(version.Model), modelScore, []),
        ]);
    }
}
