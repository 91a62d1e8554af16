using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Grains;

/// <summary>
/// The forecast grain's model as a state machine. States: serving the active version (in step), serving another one
/// because the active one is not loaded yet (behind), or because it failed to load (failing: the previous model keeps
/// serving). Each check moves by <see cref="Next"/>; loading is the only step that can fail, and its failure changes
/// nothing but the recorded <see cref="ModelLoadFailure"/>.
/// </summary>
public static class ModelSync
{
    public static ModelStep Next(int served, int active, ModelLoadFailure? failure, ModelCheck check) =>
        (served == active, active, failure?.Version == active) switch
        {
            (true, _, _) => ModelStep.Keep,
            (false, 0, _) => ModelStep.ServeNaive,

            // A version that failed to load is retried by the timer, a refresh or an activation, not on every day event.
            (false, _, true) when check == ModelCheck.DayEvent => ModelStep.Keep,
            _ => ModelStep.Load,
        };
}
