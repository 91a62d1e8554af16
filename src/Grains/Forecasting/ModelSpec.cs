namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// What a model is: its kind, the window it reads, what it predicts and its size. Enough to rebuild the network before
/// loading its weights. <see cref="HiddenSize"/>, <see cref="Layers"/> and <see cref="Dropout"/> matter to the gated models only;
/// the seed models are fixed by the tutorial.
/// </summary>
public sealed record ModelSpec(
    string Kind,
    int Window = ModelSpec.DefaultWindow,
    TargetKind Target = TargetKind.Price,
    int HiddenSize = 0,
    int Layers = 0,
    double Dropout = 0)
{
    public const int DefaultWindow = 60;

    /// <summary>The spec Stream uses for a model name when nothing else is asked: the tutorial's for the seed models,
    /// two layers of 64 units on log returns for the gated ones.</summary>
    public static ModelSpec Default(string kind, int window = DefaultWindow, TargetKind? target = null) => kind switch
    {
        ModelNames.Naive => new ModelSpec(kind, 1, target ?? TargetKind.Price),
        ModelNames.MlpSeed or ModelNames.RnnSeed => new ModelSpec(kind, window, target ?? TargetKind.Price),
        ModelNames.Lstm or ModelNames.Gru => new ModelSpec(kind, window, target ?? TargetKind.LogReturn, HiddenSize: 64, Layers: 2, Dropout: 0.1),
        _ => throw new ArgumentException($"unknown model '{kind}'; known: {string.Join(", ", ModelNames.All)}", nameof(kind)),
    };

    /// <summary>Past daily means a forecast needs: the window, plus one for a log-return target.</summary>
    public int HistoryNeeded => Target == TargetKind.LogReturn ? Window + 1 : Window;
}
