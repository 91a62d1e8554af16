namespace StreamPredictor.Client;

/// <summary>
/// The models a symbol can be trained with, and how many closed days each needs: a model reads a window of past
/// daily means (the tutorial's 60; one more for the gated models, which predict log returns), trains on at least two
/// windows, and is then scored on the held-out days. So with the default 60 held-out days, <c>naive</c> needs 63
/// closed days, <c>mlp-seed</c> and <c>rnn-seed</c> 122, <c>lstm</c> and <c>gru</c> 123.
/// </summary>
public static class TrainingModels
{
    /// <summary>Tomorrow's mean is today's: the yardstick of every score.</summary>
    public const string Naive = "naive";

    /// <summary>The tutorial's dense network on a 60-day window of prices.</summary>
    public const string MlpSeed = "mlp-seed";

    /// <summary>The tutorial's stack of simple recurrent layers on a 60-day window of prices.</summary>
    public const string RnnSeed = "rnn-seed";

    /// <summary>Two LSTM layers of 64 units on 60 daily log returns.</summary>
    public const string Lstm = "lstm";

    /// <summary>Two GRU layers of 64 units on 60 daily log returns.</summary>
    public const string Gru = "gru";

    /// <summary>Every model name, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Naive, MlpSeed, RnnSeed, Lstm, Gru];

    /// <summary>Whether <paramref name="model"/> names a known model (case-sensitive).</summary>
    public static bool IsKnown(string? model) => model is not null && All.Contains(model, StringComparer.Ordinal);

    /// <summary>Past daily means one forecast of <paramref name="model"/> reads.</summary>
    /// <exception cref="ArgumentException">The model is unknown.</exception>
    public static int HistoryNeeded(string model) => model switch
    {
        Naive => 1,
        MlpSeed or RnnSeed => 60,
        Lstm or Gru => 61,
        _ => throw new ArgumentException($"unknown model '{model}'; known: {string.Join(", ", All)}", nameof(model)),
    };

    /// <summary>Closed days a symbol needs before <paramref name="model"/> can be trained holding out <paramref name="heldOutDays"/>.</summary>
    /// <exception cref="ArgumentException">The model is unknown.</exception>
    public static int MinimumClosedDays(string model, int heldOutDays = 60) => HistoryNeeded(model) + 2 + heldOutDays;
}
