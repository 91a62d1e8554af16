using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Cli.Commands;

/// <summary>
/// <c>stream forecast --symbol SYM [--json]</c>: the forecast made at the last close and, while a day is open, its nowcast
/// (with the share of the day elapsed) and the next day's forecast from the open day so far. The JSON is the forecast's
/// object with a <c>nowcast</c> property (null when there is none), whose <c>nextDay</c> is the next day's forecast.
/// </summary>
public static class ForecastCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var symbol = SymbolOption.Create();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a line of text." };
        var cluster = new ClusterOptions();
        var command = new Command("forecast", "Print a symbol's forecast made at the last close and, while a day is open, the open day's nowcast and the next day's forecast from it.") { symbol, json };
        cluster.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var connection = await cluster.ConnectAsync(result, cancellationToken);
            var name = result.GetRequiredValue(symbol);
            var forecast = await connection.Client.GetForecastAsync(name)
                ?? throw new CliUsageException($"{name} has no forecast yet: no day of it has closed (ingest ticks of at least two days)");
            var nowcast = await connection.Client.GetNowcastAsync(name);
            if (result.GetValue(json))
            {
                var both = JsonSerializer.SerializeToNode(forecast, Json)!.AsObject();
                both["nowcast"] = nowcast is null ? null : JsonSerializer.SerializeToNode(nowcast, Json);
                console.Out.WriteLine(both.ToJsonString(Json));
            }
            else
            {
                console.Out.WriteLine(Format(forecast));
                if (nowcast is not null)
                {
                    console.Out.WriteLine(Format(nowcast));
                    if (nowcast.NextDay is { } next)
                    {
                        console.Out.WriteLine(FormatNextDay(next));
                    }
                }
            }

            await ForecastStatusNote.WriteAsync(connection.Cluster, console, name);
            return 0;
        });
        return command;
    }

    /// <summary>The open day's nowcast: the day, the share elapsed, its ticks so far, the nowcast and its intervals.</summary>
    public static string Format(Nowcast nowcast)
    {
        ArgumentNullException.ThrowIfNull(nowcast);
        var c = CultureInfo.InvariantCulture;
        var state = nowcast.ElapsedShare >= 1 ? "closed" : string.Create(c, $"open, {nowcast.ElapsedShare:P0} of the day elapsed");
        var sofar = nowcast.Ticks == 0
            ? "no tick yet"
            : string.Create(c, $"{nowcast.Ticks} ticks, mean so far {nowcast.MeanSoFar:F2}, last {nowcast.LastPrice:F2} at {nowcast.AsOf:HH:mm:ss}");
        return string.Create(c, $"{nowcast.Symbol} {nowcast.Date:yyyy-MM-dd} ({state}; {sofar}): nowcast of the mean close {nowcast.Value:F2}{Intervals(nowcast.Intervals)} ({nowcast.Model})");
    }

    /// <summary>The next day's forecast made from the open day so far.</summary>
    public static string FormatNextDay(Forecast next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return string.Create(CultureInfo.InvariantCulture,
            $"{next.Symbol} {next.ForDate:yyyy-MM-dd}: mean close {next.Value:F2}{Intervals(next.Intervals)} (next day, from the open day {next.BasedOn:yyyy-MM-dd} so far)");
    }

    private static string Intervals(ForecastInterval[] intervals) =>
        intervals.Length == 0 ? "" : "; " + string.Join(", ", intervals.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Level:P0} [{i.Lower:F2}, {i.Upper:F2}]")));

    public static string Format(Forecast forecast)
    {
        var c = CultureInfo.InvariantCulture;
        var intervals = string.Join(", ", forecast.Intervals.Select(i => string.Create(c, $"{i.Level:P0} [{i.Lower:F2}, {i.Upper:F2}]")));
        var model = forecast.ModelVersion == 0 ? forecast.Model : string.Create(c, $"{forecast.Model} v{forecast.ModelVersion}");
        return string.Create(c,
            $"{forecast.Symbol} {forecast.ForDate:yyyy-MM-dd}: mean close {forecast.Value:F2}{(intervals.Length > 0 ? "; " + intervals : "")} ({model}, from days up to {forecast.BasedOn:yyyy-MM-dd})");
    }
}
