using System.Text.Json;

namespace StreamPredictor.Grains.Forecasting.Backtesting;

/// <summary>
/// The JSON report of a backtest:
/// <c>{"test":{"from","to","days"},"models":[{"name","mae","rmse","mape","mase","maeVsLast","trainSeconds","epochs",…}],"folds":[…]}</c>.
/// Each model also lists its interval coverage and, with folds, its per-fold scores and their mean. <c>maeVsLast</c> is the
/// MAE over last's on the same days (null where last's MAE is 0).
/// </summary>
public static class BacktestJson
{
    public static void Write(System.IO.Stream stream, BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WritePropertyName("test");
        WriteWindow(json, result.Test);
        json.WriteStartArray("folds");
        foreach (var fold in result.Folds)
        {
            WriteWindow(json, fold);
        }

        json.WriteEndArray();
        json.WriteStartArray("models");
        foreach (var model in result.Models)
        {
            json.WriteStartObject();
            json.WriteString("name", model.Name);
            WriteMetrics(json, model.Test.Metrics);
            json.WriteNumber("trainSeconds", Math.Round(model.Test.TrainSeconds, 3));
            json.WriteNumber("epochs", model.Test.Epochs);
            json.WriteString("target", TargetName(model.Spec.Target));
            json.WriteString("input", model.Spec.Input == ModelInput.DayFeatures ? "day-features" : "means");
            json.WriteNumber("window", model.Spec.Window);
            json.WriteBoolean("keptLast", model.Test.KeptLast);
            WriteCoverage(json, model.Test.Coverage);
            if (model.FoldMean is { } mean)
            {
                json.WriteStartObject("foldMean");
                WriteMetrics(json, mean);
                json.WriteNumber("foldsBeatingNaive", model.FoldsBeatingNaive);
                json.WriteNumber("foldsBeatingLast", model.FoldsBeatingLast);
                json.WriteEndObject();
                json.WriteStartArray("folds");
                foreach (var fold in model.Folds)
                {
                    json.WriteStartObject();
                    json.WriteString("from", Date(fold.Window.From));
                    json.WriteString("to", Date(fold.Window.To));
                    WriteMetrics(json, fold.Metrics);
                    json.WriteNumber("trainSeconds", Math.Round(fold.TrainSeconds, 3));
                    json.WriteNumber("epochs", fold.Epochs);
                    json.WriteBoolean("keptLast", fold.KeptLast);
                    WriteCoverage(json, fold.Coverage);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteStartArray("forecasts");
            foreach (var value in model.Test.Forecasts)
            {
                json.WriteNumberValue(value);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (result.Nowcast is { } nowcast)
        {
            WriteNowcast(json, nowcast);
        }

        json.WriteEndObject();
    }

    /// <summary><c>"nowcast":{"days","hours":[0..23],"rule":[…],"models":[{"name","mae":[…],"nextDayMae":[…],"coverage":[{"level","share":[…]}]}]}</c>.</summary>
    private static void WriteNowcast(Utf8JsonWriter json, Nowcasting.NowcastResult nowcast)
    {
        json.WriteStartObject("nowcast");
        json.WriteNumber("days", nowcast.Days);
        WriteArray(json, "hours", nowcast.Hours.Select(h => (double)h));
        WriteArray(json, "rule", nowcast.RuleMae);
        json.WriteStartArray("models");
        foreach (var model in nowcast.Models)
        {
            json.WriteStartObject();
            json.WriteString("name", model.Name);
            WriteArray(json, "mae", model.Mae);
            WriteArray(json, "nextDayMae", model.NextDayMae);
            json.WriteStartArray("coverage");
            foreach (var coverage in model.Coverage)
            {
                json.WriteStartObject();
                json.WriteNumber("level", coverage.Level);
                WriteArray(json, "share", coverage.Share);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            if (double.IsFinite(value)) json.WriteNumberValue(value);
            else json.WriteNullValue();
        }

        json.WriteEndArray();
    }

    private static void WriteWindow(Utf8JsonWriter json, BacktestWindow window)
    {
        json.WriteStartObject();
        json.WriteString("from", Date(window.From));
        json.WriteString("to", Date(window.To));
        json.WriteNumber("days", window.Days);
        json.WriteEndObject();
    }

    private static void WriteMetrics(Utf8JsonWriter json, ForecastMetrics metrics)
    {
        json.WriteNumber("mae", metrics.Mae);
        json.WriteNumber("rmse", metrics.Rmse);
        json.WriteNumber("mape", metrics.Mape);
        WriteRatio(json, "mase", metrics.Mase);
        WriteRatio(json, "maeVsLast", metrics.MaeVsLast);
    }

    /// <summary>A ratio, or null where its baseline's error was 0 (JSON has no NaN).</summary>
    private static void WriteRatio(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string TargetName(TargetKind target) => target switch
    {
        TargetKind.Price => "price",
        TargetKind.LogReturn => "log-return",
        _ => "mean-over-close",
    };

    private static void WriteCoverage(Utf8JsonWriter json, IReadOnlyList<IntervalCoverage> coverage)
    {
        if (coverage.Count == 0) return;
        json.WriteStartArray("coverage");
        foreach (var c in coverage)
        {
            json.WriteStartObject();
            json.WriteNumber("level", c.Level);
            json.WriteNumber("share", c.Share);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
