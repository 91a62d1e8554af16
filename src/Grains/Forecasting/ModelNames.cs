namespace StreamPredictor.Grains.Forecasting;

/// <summary>The models Stream knows by name, in the order they are reported.</summary>
public static class ModelNames
{
    public const string Naive = "naive";
    public const string MlpSeed = "mlp-seed";
    public const string RnnSeed = "rnn-seed";
    public const string Lstm = "lstm";
    public const string Gru = "gru";

    public static IReadOnlyList<string> All { get; } = [Naive, MlpSeed, RnnSeed, Lstm, Gru];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
