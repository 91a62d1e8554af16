namespace StreamPredictor.Grains.Forecasting;

/// <summary>The models Stream knows by name, in the order they are reported.</summary>
public static class ModelNames
{
    public const string Naive = "naive";
    public const string Last = "last";
    public const string MlpSeed = "mlp-seed";
    public const string RnnSeed = "rnn-seed";
    public const string Mlp = "mlp";
    public const string Lstm = "lstm";
    public const string Gru = "gru";
    public const string Ensemble = "ensemble";

    public static IReadOnlyList<string> All { get; } = [Naive, Last, MlpSeed, RnnSeed, Mlp, Lstm, Gru, Ensemble];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);

    /// <summary>Models with nothing to train (their intervals are calibrated on the last closed days).</summary>
    public static bool IsTrivial(string name) => name is Naive or Last;
}
