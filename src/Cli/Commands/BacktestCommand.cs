using StreamPredictor.Abstractions.Forecasting;
using System.CommandLine;
using System.Globalization;
using StreamPredictor.Grains.Forecasting;
using StreamPredictor.Grains.Forecasting.Backtesting;
using StreamPredictor.Grains.Forecasting.Nowcasting;
using StreamPredictor.Grains.Forecasting.Plotting;
using StreamPredictor.Ticks;

namespace StreamPredictor.Cli.Commands;

/// <summary>
/// <c>stream backtest FILE [--models ...] [--test-days 60] [--folds K] [--epochs N] [--seed S] [--json PATH] [--plot PATH]</c>:
/// the tutorial's experiment on any tick file, every model scored against the naive forecast.
/// </summary>
public static class BacktestCommand
{
    public static Command Create(CliConsole console)
    {
        var file = TickFileArgument.Create();
        var models = new Option<string>("--models") { Description = "Comma-separated models: " + string.Join(",", ModelNames.All) + ".", DefaultValueFactory = _ => string.Join(",", ModelNames.All) };
        var testDays = new Option<int>("--test-days") { Description = "Days at the end held out as the test set.", DefaultValueFactory = _ => 60 };
        var folds = new Option<int>("--folds") { Description = "Earlier test windows for a rolling-origin evaluation (models retrained per window).", DefaultValueFactory = _ => 0 };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => 50 };
        var batch = new Option<int>("--batch") { Description = "Mini-batch size.", DefaultValueFactory = _ => 64 };
        var learningRate = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-3 };
        var seed = new Option<int>("--seed") { Description = "Seed of weights, dropout and shuffling.", DefaultValueFactory = _ => 42 };
        var window = new Option<int?>("--window") { Description = $"Days a network reads (default: {ModelSpec.DefaultWindow} for the tutorial's and the mean-series models, {ModelSpec.FeatureWindow} for the feature LSTM/GRU, {ModelSpec.MlpWindow} for mlp)." };
        var validation = new Option<double?>("--validation") { Description = $"Share of training windows held out for early stopping and intervals (default: none for the tutorial's and the mean-series models, {TrainingOptions.FeatureValidationFraction} for the feature networks)." };
        var significance = new Option<double>("--significance") { Description = "t statistic by which a day-feature network must beat last on its validation days to replace it (0: keep its best epoch whatever it gained).", DefaultValueFactory = _ => TrainingOptions.DefaultSignificance };
        var patience = new Option<int>("--patience") { Description = "Epochs without a better validation loss before stopping (0: never).", DefaultValueFactory = _ => 5 };
        var target = new Option<string?>("--target") { Description = "What the seed models and lstm/gru predict: price or log-return, on the series of daily means (default: price for the seed models; lstm and gru read day features and predict tomorrow's mean over today's close)." };
        var json = new Option<FileInfo?>("--json") { Description = "Write the scores as JSON here." };
        var plotPath = new Option<FileInfo?>("--plot") { Description = "Write a PNG of the test window: true means against every model's forecasts (with --nowcast, also PATH-nowcast.png: the nowcast's error through the day)." };
        var nowcast = new Option<bool>("--nowcast") { Description = "Replay the test window tick by tick: every model's nowcast of the open day's mean at 0, 6, 12, 18 and 23 h against the time-weighted rule, with interval coverage." };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (1 is fastest for these small networks on a shared machine).", DefaultValueFactory = _ => 1 };
        var skipBad = CommonOptions.SkipBad();
        var command = new Command("backtest", "Train the models on all but the last days of a tick file and score their next-day forecasts against naive.")
        {
            file, models, testDays, folds, epochs, batch, learningRate, seed, window, validation, patience, significance, target, json, plotPath, nowcast, threads, skipBad,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var targetKind = ParseTarget(result.GetValue(target));
            var options = new BacktestOptions
            {
                Models = ParseModels(result.GetRequiredValue(models), result.GetValue(window), targetKind),
                TestDays = result.GetValue(testDays),
                Folds = result.GetValue(folds),
                Training = new TrainingOptions
                {
                    Epochs = result.GetValue(epochs),
                    BatchSize = result.GetValue(batch),
                    LearningRate = result.GetValue(learningRate),
                    Seed = result.GetValue(seed),
                    ValidationFraction = result.GetValue(validation),
                    Patience = result.GetValue(patience),
                    Significance = result.GetValue(significance),
                },
            };
            Check(() => options.Training.Validate());
            var import = DailyCommand.Import(result.GetRequiredValue(file), result.GetValue(skipBad), console);
            DailyCommand.ReportImport(console, import);
            var windows = Check(() => BacktestRunner.Windows(import.Days, options));
            var nowcastTicks = result.GetValue(nowcast)
                ? NowcastTicks.Read(import.File, windows[^1].From, windows[^1].To, new TickReaderOptions { SkipBad = result.GetValue(skipBad) })
                : null;

            if (options.Models.Any(m => !ModelNames.IsTrivial(m.Kind)))
            {
                Check(() => TorchRuntime.UseThreads(result.GetValue(threads)));
            }

            var outcome = BacktestRunner.Run(import.Days, options, nowcastTicks, new TrainingProgressWriter(console), cancellationToken);
            console.Out.Write(BacktestTable.Format(outcome));
            if (outcome.Nowcast is { } replay)
            {
                console.Out.Write(NowcastTable.Format(replay));
            }

            if (result.GetValue(json) is { } jsonPath)
            {
                using var stream = File.Create(jsonPath.FullName);
                BacktestJson.Write(stream, outcome);
                console.Error.WriteLine($"wrote {jsonPath.FullName}");
            }

            if (result.GetValue(plotPath) is { } png)
            {
                BacktestPlot.SavePng(outcome, png.FullName);
                console.Error.WriteLine($"wrote {png.FullName}");
                if (outcome.Nowcast is { } drawn)
                {
                    var nowcastPng = Path.Combine(png.DirectoryName ?? ".", Path.GetFileNameWithoutExtension(png.Name) + "-nowcast.png");
                    NowcastPlot.SavePng(drawn, nowcastPng);
                    console.Error.WriteLine($"wrote {nowcastPng}");
                }
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static List<ModelSpec> ParseModels(string list, int? window, TargetKind? target)
    {
        if (window < 1) throw new CliUsageException("--window must be at least 1");
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw new CliUsageException("--models: no model named");
        var unknown = names.Where(n => !ModelNames.IsKnown(n)).ToArray();
        if (unknown.Length > 0)
        {
            throw new CliUsageException($"--models: unknown model '{unknown[0]}'; known: {string.Join(", ", ModelNames.All)}");
        }

        return names.Distinct(StringComparer.Ordinal).Select(n => ModelSpec.Default(n, window, TakesTarget(n) ? target : null)).ToList();
    }

    /// <summary>The models --target applies to: the tutorial's and the LSTM/GRU (which it moves to the mean series).</summary>
    private static bool TakesTarget(string model) => model is ModelNames.MlpSeed or ModelNames.RnnSeed or ModelNames.Lstm or ModelNames.Gru;

    private static TargetKind? ParseTarget(string? value) => value switch
    {
        null => null,
        "price" => TargetKind.Price,
        "log-return" => TargetKind.LogReturn,
        _ => throw new CliUsageException($"--target: '{value}' is neither price nor log-return"),
    };

    private static void Check(Action validate) => Check(() =>
    {
        validate();
        return 0;
    });

    private static T Check<T>(Func<T> validate)
    {
        try
        {
            return validate();
        }
        catch (ArgumentException e)
        {
            var message = e.Message;
            var paren = message.IndexOf(" (Parameter", StringComparison.Ordinal);
            throw new CliUsageException(paren > 0 ? message[..paren] : message);
        }
    }
}
