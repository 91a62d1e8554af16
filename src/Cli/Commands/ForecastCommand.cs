using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Cli.Commands;

/// <summary><c>stream forecast --symbol SYM [--json]</c>: the latest next-day forecast.</summary>
public static class ForecastCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var symbol = SymbolOption.Create();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a line of text." };
        var cluster = new ClusterOptions();
        var command = new Command("forecast", "Print a symbol's next-day forecast: value, intervals, the day it is for, the model version.") { symbol, json };
        cluster.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var connection = await cluster.ConnectAsync(result, cancellationToken);
            var name = result.GetRequiredValue(symbol);
            var forecast = await connection.Client.GetForecastAsync(name)
                ?? throw new CliUsageException($"{name} has no forecast yet: no day of it has closed (ingest ticks of at least two days)");
            console.Out.WriteLine(result.GetValue(json) ? JsonSerializer.Serialize(forecast, Json) : Format(forecast));
            await ForecastStatusNote.WriteAsync(connection.Cluster, console, name);
            return 0;
        });
        return command;
    }

    public static string Format(Forecast forecast)
    {
        var c = CultureInfo.InvariantCulture;
        var intervals = string.Join(", ", forecast.Intervals.Select(i => string.Create(c, $"{i.Level:P0} [{i.Lower:F2}, {i.Upper:F2}]")));
        var model = forecast.ModelVersion == 0 ? forecast.Model : string.Create(c, $"{forecast.Model} v{forecast.ModelVersion}");
        return string.Create(c,
            $"{forecast.Symbol} {forecast.ForDate:yyyy-MM-dd}: mean close {forecast.Value:F2}{(intervals.Length > 0 ? "; " + intervals : "")} ({model}, from days up to {forecast.BasedOn:yyyy-MM-dd})");
    }
}
