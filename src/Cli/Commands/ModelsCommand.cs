using System.CommandLine;
using System.Globalization;
using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Cli.Commands;

/// <summary><c>stream models --symbol SYM [--activate V]</c>: the symbol's model versions and their held-out scores.</summary>
public static class ModelsCommand
{
    public static Command Create(CliConsole console)
    {
        var symbol = SymbolOption.Create();
        var activate = new Option<int?>("--activate") { Description = "Make this version active first (0: the naive model)." };
        var cluster = new ClusterOptions();
        var command = new Command("models", "List a symbol's model versions with their held-out scores; optionally activate one.") { symbol, activate };
        cluster.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var connection = await cluster.ConnectAsync(result, cancellationToken);
            var name = result.GetRequiredValue(symbol);
            if (result.GetValue(activate) is { } version)
            {
                try
                {
                    await connection.Client.ActivateModelAsync(name, version);
                }
                catch (ArgumentException e)
                {
                    throw new CliUsageException(e.Message);
                }
            }

            console.Out.Write(Format(await connection.Client.GetModelsAsync(name)));
            await ForecastStatusNote.WriteAsync(connection.Cluster, console, name);
            return 0;
        });
        return command;
    }

    public static string Format(IReadOnlyList<ModelVersion> versions)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string> { "active  version  model     held-out                    MAE      naive MAE  MASE    last MAE  vs last  epochs  seconds  silo" };
        lines.Add(string.Create(c, $"{(versions.Any(v => v.Active) ? " " : "*"),-7} {0,7}  naive     (yardstick)"));
        lines.AddRange(versions.Select(v => string.Create(c,
            $"{(v.Active ? "*" : " "),-7} {v.Version,7}  {v.Model,-8}  {v.HeldOutFrom:yyyy-MM-dd}..{v.HeldOutTo:yyyy-MM-dd}  {v.Mae,8:F2}  {v.NaiveMae,9:F2}  {v.Mase,6:F3}  {VsLastText.Of(v.LastMae, "F2"),8}  {VsLastText.Of(v.MaeVsLast, "F3"),7}  {v.EpochsRun,6}  {v.TrainingSeconds,7:F1}  {v.Silo}{(v.OnAccelerator ? " (accelerator)" : "")}")));
        return string.Join('\n', lines) + "\n";
    }
}
