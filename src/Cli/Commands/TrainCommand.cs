using System.CommandLine;
using System.Globalization;
using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Cli.Errors;
using StreamPredictor.Client;
using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Cli.Commands;

/// <summary><c>stream train --symbol SYM --model KIND [--epochs N]</c>: trains on the symbol's closed days through its trainer grain.</summary>
public static class TrainCommand
{
    public static Command Create(CliConsole console)
    {
        var symbol = SymbolOption.Create();
        var model = ModelOption();
        var epochs = new Option<int?>("--epochs") { Description = "Training epochs (default 50, the tutorial's)." };
        var seed = new Option<int?>("--seed") { Description = "Seed of weights, dropout and shuffling." };
        var heldOut = new Option<int>("--held-out") { Description = "Last closed days held out to score the model against naive.", DefaultValueFactory = _ => 60 };
        var noActivate = new Option<bool>("--no-activate") { Description = "Register the new version but do not activate it even if it beats the active one." };
        var cluster = new ClusterOptions();
        var command = new Command("train", "Train a model on a symbol's closed days, score it on held-out days against naive and the active model, register it.")
        {
            symbol, model, epochs, seed, heldOut, noActivate,
        };
        cluster.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var connection = await cluster.ConnectAsync(result, cancellationToken);
            var request = new TrainingRequest(result.GetRequiredValue(model), result.GetValue(epochs), result.GetValue(seed), result.GetValue(heldOut), ActivateIfBetter: !result.GetValue(noActivate));
            await RunAsync(connection.Client, console, result.GetRequiredValue(symbol), request, cancellationToken);
            return 0;
        });
        return command;
    }

    public static Option<string> ModelOption() => new("--model", "-m")
    {
        Description = "Model: " + string.Join(", ", ModelNames.All) + ".",
        DefaultValueFactory = _ => ModelNames.Lstm,
        Validators =
        {
            r =>
            {
                var value = r.GetValueOrDefault<string>();
                if (!ModelNames.IsKnown(value))
                {
                    r.AddError($"unknown model '{value}'; known: {string.Join(", ", ModelNames.All)}");
                }
            },
        },
    };

    /// <summary>
    /// Trains, showing progress, and prints the new version's scores on standard output. A request the trainer refuses is a
    /// <see cref="CliUsageException"/>; a run that does not complete (failed, cancelled, lost with its silo) is a
    /// <see cref="CliFailureException"/> saying why.
    /// </summary>
    public static async Task<TrainingStatus> RunAsync(IStreamClient client, CliConsole console, string symbol, TrainingRequest request, CancellationToken cancellationToken)
    {
        var writer = new TrainingProgressWriter(console);
        TrainingStatus status;
        try
        {
            status = await client.TrainAsync(symbol, request, new Relay(writer, request.Model), cancellationToken);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message);
        }

        if (status is not { State: TrainingState.Completed, Result: { } v })
        {
            throw new CliFailureException($"training {request.Model} for {symbol} {status.State.ToString().ToLowerInvariant()}: {status.Message}");
        }

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{symbol} {v.Model} version {v.Version}: held-out {v.HeldOutFrom:yyyy-MM-dd}..{v.HeldOutTo:yyyy-MM-dd}, MAE {v.Mae:F2} (naive {v.NaiveMae:F2}, MASE {v.Mase:F3}; last {VsLastText.Of(v.LastMae, "F2")}, vs last {VsLastText.Of(v.MaeVsLast, "F3")}), RMSE {v.Rmse:F2}, MAPE {v.Mape:F2}%, {v.EpochsRun} epochs in {v.TrainingSeconds:F1} s"));
        console.Out.WriteLine(status.Message);
        return status;
    }

    private sealed class Relay(TrainingProgressWriter writer, string model) : IProgress<TrainingStatus>
    {
        public void Report(TrainingStatus value)
        {
            if (value.State == TrainingState.Running && value.Epoch > 0)
            {
                writer.Report(new TrainingProgress(model, value.Epoch, value.Epochs, value.Loss, value.ValidationLoss, value.Elapsed, value.Remaining ?? TimeSpan.Zero));
            }
        }
    }
}
