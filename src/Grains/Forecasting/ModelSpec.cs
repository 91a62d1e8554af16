using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting.Features;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// What a model is: its kind, the window it reads, what it reads and predicts, and its size. Enough to rebuild the network
/// before loading its weights. <see cref="HiddenSize"/>, <see cref="Layers"/> and <see cref="Dropout"/> matter to the
/// gated models and the feature MLP only; the seed models are fixed by the tutorial. Blobs written before
/// <see cref="Input"/> existed read as <see cref="ModelInput.Means"/>.
/// </summary>
public sealed record ModelSpec(
    string Kind,
    int Window = ModelSpec.DefaultWindow,
    TargetKind Target = TargetKind.Price,
    int HiddenSize = 0,
    int Layers = 0,
    double Dropout = 0,
    ModelInput Input = ModelInput.Means)
{
    /// <summary>The tutorial's window, which the models on the mean series keep.</summary>
    public const int DefaultWindow = 60;

    /// <summary>Days the LSTM and GRU on day features read.</summary>
    public const int FeatureWindow = 30;

    /// <summary>Days the feature MLP reads.</summary>
    public const int MlpWindow = 10;

    /// <summary>
    /// The spec Stream uses for a model name when nothing else is asked: the tutorial's for the seed models; for the
    /// LSTM and GRU, day features predicting tomorrow's mean over today's close, unless a mean-series target
    /// (<see cref="TargetKind.Price"/> or <see cref="TargetKind.LogReturn"/>) asks for the earlier models on daily means
    /// (two layers of 64 units, 60 days). A target does not apply to naive, last, mlp or the ensemble.
    /// </summary>
    public static ModelSpec Default(string kind, int? window = null, TargetKind? target = null) => kind switch
    {
        ModelNames.Naive or ModelNames.Last => new ModelSpec(kind, 1),
        ModelNames.Ensemble => new ModelSpec(kind, window ?? FeatureWindow, TargetKind.MeanOverClose, Input: ModelInput.DayFeatures),
        ModelNames.MlpSeed or ModelNames.RnnSeed => new ModelSpec(kind, window ?? DefaultWindow, target ?? TargetKind.Price),
        ModelNames.Lstm or ModelNames.Gru when target is TargetKind.Price or TargetKind.LogReturn =>
            new ModelSpec(kind, window ?? DefaultWindow, target.Value, HiddenSize: 64, Layers: 2, Dropout: 0.1),
        ModelNames.Lstm or ModelNames.Gru =>
            new ModelSpec(kind, window ?? FeatureWindow, TargetKind.MeanOverClose, HiddenSize: 32, Layers: 2, Dropout: 0.1, Input: ModelInput.DayFeatures),
        ModelNames.Mlp => new ModelSpec(kind, window ?? MlpWindow, TargetKind.MeanOverClose, HiddenSize: 32, Layers: 1, Dropout: 0.1, Input: ModelInput.DayFeatures),
        _ => throw new ArgumentException($"unknown model '{kind}'; known: {string.Join(", ", ModelNames.All)}", nameof(kind)),
    };

    /// <summary>Past days a forecast needs: the window, plus one for a log-return target, plus the features' look-back.</summary>
    public int HistoryNeeded => Input == ModelInput.DayFeatures
        ? Window + DayFeatures.LookBack
        : Target == TargetKind.LogReturn ? Window + 1 : Window;
}
