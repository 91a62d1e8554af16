namespace StreamPredictor.Grains.Forecasting.Backtesting;

/// <summary>One model over the test window and the earlier folds, with the folds' mean errors.</summary>
public sealed record ModelBacktest(ModelSpec Spec, WindowScore Test, IReadOnlyList<WindowScore> Folds)
{
    public string Name => Spec.Kind;

    /// <summary>Mean of each metric over the folds (MASE and the ratio to last too: the means of the per-fold ratios); null without folds.</summary>
    public ForecastMetrics? FoldMean => Folds.Count == 0
        ? null
        : new ForecastMetrics(
            Folds.Average(f => f.Metrics.Mae),
            Folds.Average(f => f.Metrics.Rmse),
            Folds.Average(f => f.Metrics.Mape),
            Folds.Average(f => f.Metrics.Mase),
            Folds.Average(f => f.Metrics.MaeVsLast));

    /// <summary>Folds where the model's MAE was below the naive one.</summary>
    public int FoldsBeatingNaive => Folds.Count(f => f.Metrics.Mase < 1);

    /// <summary>Windows (folds and test) where the model kept last's forecasts.</summary>
    public int WindowsKeepingLast => Folds.Count(f => f.KeptLast) + (Test.KeptLast ? 1 : 0);

    /// <summary>Whether the model can keep last: a day-feature network or an ensemble of them.</summary>
    public bool CanKeepLast => Spec.Input == ModelInput.DayFeatures;

    /// <summary>Folds where the model's MAE was below last's.</summary>
    public int FoldsBeatingLast => Folds.Count(f => f.Metrics.MaeVsLast < 1);
}
