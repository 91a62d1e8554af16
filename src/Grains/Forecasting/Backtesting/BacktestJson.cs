using System.Text.Json;

namespace StreamPredictor.Grains.Forecasting.Backtesting;

/// <summary>
/// The JSON report of a backtest:
/// <c>{"test":{"from","to","days"},"models":[{"name","mae","rmse","mape","mase","trainSeconds","epochs",…}],"folds":[…]}</c>.
/// Each model also lists its interval coverage and, with folds, its per-fold scores and their mean.
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
            json.WriteString("target", model.Spec.Target == TargetKind.Price ? "price" : "log-return");
            json.WriteNumber("window", model.Spec.Window);
            WriteCoverage(json, model.Test.Coverage);
            if (model.FoldMean is { } mean)
            {
                json.WriteStartObject("foldMean");
                WriteMetrics(json, mean);
                json.WriteNumber("foldsBeatingNaive", model.FoldsBeatingNaive);
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
        json.WriteEndObject();
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
        json.WriteNumber("mase", metrics.Mase);
    }

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
