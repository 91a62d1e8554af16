using StreamPredictor.Abstractions.Forecasting;
namespace StreamPredictor.Abstractions.Forecasting;

/// <summary>
/// The models Stream knows by name, in the order they are reported, and how many closed days each needs: the SDK checks a
/// request with these before sending it and the trainer grain checks it again, so both refuse the same requests.
/// </summary>
public static class ModelNames
{
    /// <summary>Tomorrow's mean is today's mean: the yardstick of every score (MASE).</summary>
    public const string Naive = "naive";

    /// <summary>Tomorrow's mean is the last close of the latest closed day.</summary>
    public const string Last = "last";

    /// <summary>The tutorial's dense network on a 60-day window of daily means.</summary>
    public const string MlpSeed = "mlp-seed";

    /// <summary>The tutorial's stack of simple recurrent layers on a 60-day window of daily means.</summary>
    public const string RnnSeed = "rnn-seed";

    /// <summary>A small dense network on 10 days of day features (close, open, high, low, volume, ticks, mean).</summary>
    public const string Mlp = "mlp";

    /// <summary>Two LSTM layers on 30 days of day features, predicting tomorrow's mean over today's close.</summary>
    public const string Lstm = "lstm";

    /// <summary>Two GRU layers on 30 days of day features, predicting tomorrow's mean over today's close.</summary>
    public const string Gru = "gru";

    /// <summary>The median of <c>last</c> and the trained feature networks.</summary>
    public const string Ensemble = "ensemble";

    /// <summary>Days before the first one a day-feature row can be built for (the features' look-back).</summary>
    public const int FeatureLookBack = 7;

    /// <summary>Every model name, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Naive, Last, MlpSeed, RnnSeed, Mlp, Lstm, Gru, Ensemble];

    /// <summary>Whether <paramref name="name"/> names a known model (case-sensitive).</summary>
    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);

    /// <summary>Models with nothing to train (their intervals are calibrated on the last closed days).</summary>
    public static bool IsTrivial(string name) => name is Naive or Last;

    /// <summary>Past closed days one forecast of <paramref name="model"/> (with its default window) reads.</summary>
    /// <exception cref="ArgumentException">The model is unknown.</exception>
    public static int HistoryNeeded(string model) => model switch
    {
        Naive or Last => 1,
        MlpSeed or RnnSeed => 60,
        Mlp => 10 + FeatureLookBack,
        Lstm or Gru or Ensemble => 30 + FeatureLookBack,
        _ => throw new ArgumentException($"unknown model '{model}'; known: {string.Join(", ", All)}", nameof(model)),
    };

    /// <summary>
    /// Closed days a symbol needs before <paramref name="model"/> can be trained holding out <paramref name="heldOutDays"/>:
    /// its history, two training windows and the held-out days.
    /// </summary>
    /// <exception cref="ArgumentException">The model is unknown.</exception>
    public static int MinimumClosedDays(string model, int heldOutDays = 60) => HistoryNeeded(model) + 2 + heldOutDays;
}
