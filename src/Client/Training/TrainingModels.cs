using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Client;

/// <summary>
/// The models a symbol can be trained with, and how many closed days each needs (<see cref="ModelNames"/>, here under the
/// SDK's namespace). A model reads a window of past days, trains on at least two windows, and is then scored on the
/// held-out days: with the default 60 held-out days, <c>naive</c> and <c>last</c> need 63 closed days, <c>mlp</c> 79,
/// <c>lstm</c>, <c>gru</c> and <c>ensemble</c> 99, <c>mlp-seed</c> and <c>rnn-seed</c> 122.
/// </summary>
public static class TrainingModels
{
    /// <summary>Tomorrow's mean is today's: the yardstick of every score.</summary>
    public const string Naive = ModelNames.Naive;

    /// <summary>Tomorrow's mean is the last close of the latest closed day.</summary>
    public const string Last = ModelNames.Last;

    /// <summary>The tutorial's dense network on a 60-day window of prices.</summary>
    public const string MlpSeed = ModelNames.MlpSeed;

    /// <summary>The tutorial's stack of simple recurrent layers on a 60-day window of prices.</summary>
    public const string RnnSeed = ModelNames.RnnSeed;

    /// <summary>A small dense network on 10 days of day features.</summary>
    public const string Mlp = ModelNames.Mlp;

    /// <summary>Two LSTM layers on 30 days of day features.</summary>
    public const string Lstm = ModelNames.Lstm;

    /// <summary>Two GRU layers on 30 days of day features.</summary>
    public const string Gru = ModelNames.Gru;

    /// <summary>The median of <c>last</c> and the trained feature networks.</summary>
    public const string Ensemble = ModelNames.Ensemble;

    /// <summary>Every model name, in the order reports list them.</summary>
    public static IReadOnlyList<string> All => ModelNames.All;

    /// <summary>Whether <paramref name="model"/> names a known model (case-sensitive).</summary>
    public static bool IsKnown(string? model) => ModelNames.IsKnown(model);

    /// <summary>Past closed days one forecast of <paramref name="model"/> reads.</summary>
    /// <exception cref="ArgumentException">The model is unknown.</exception>
    public static int HistoryNeeded(string model) => ModelNames.HistoryNeeded(model);

    /// <summary>Closed days a symbol needs before <paramref name="model"/> can be trained holding out <paramref name="heldOutDays"/>.</summary>
    /// <exception cref="ArgumentException">The model is unknown.</exception>
    public static int MinimumClosedDays(string model, int heldOutDays = 60) => ModelNames.MinimumClosedDays(model, heldOutDays);
}
