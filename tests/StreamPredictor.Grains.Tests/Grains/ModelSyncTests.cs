using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains;

namespace StreamPredictor.Grains.Tests.Grains;

/// <summary>The forecast grain's model state machine, transition by transition.</summary>
public sealed class ModelSyncTests
{
    private static readonly ModelLoadFailure FailedThree = new(3, "model blob format 2 is not supported", DateTimeOffset.UnixEpoch);

    public static TheoryData<int, int, bool, ModelCheck, ModelStep> Transitions => new()
    {
        // in step: nothing to do, whatever asked
        { 0, 0, false, ModelCheck.DayEvent, ModelStep.Keep },
        { 2, 2, false, ModelCheck.Timer, ModelStep.Keep },
        { 3, 3, true, ModelCheck.Refresh, ModelStep.Keep },

        // naive became active: serve it, never load
        { 2, 0, false, ModelCheck.DayEvent, ModelStep.ServeNaive },
        { 2, 0, true, ModelCheck.Timer, ModelStep.ServeNaive },

        // another version became active: load it
        { 0, 3, false, ModelCheck.DayEvent, ModelStep.Load },
        { 2, 3, false, ModelCheck.Activation, ModelStep.Load },

        // the active version failed to load: day events leave it; timer, refresh and activation retry it
        { 2, 3, true, ModelCheck.DayEvent, ModelStep.Keep },
        { 2, 3, true, ModelCheck.Timer, ModelStep.Load },
        { 2, 3, true, ModelCheck.Refresh, ModelStep.Load },
        { 0, 3, true, ModelCheck.Activation, ModelStep.Load },

        // a failure of an older version does not hold back a newer one
        { 2, 4, true, ModelCheck.DayEvent, ModelStep.Load },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Each_check_moves_the_model_as_the_table_says(int served, int active, bool activeFailedBefore, ModelCheck check, ModelStep expected) =>
        Assert.Equal(expected, ModelSync.Next(served, active, activeFailedBefore ? FailedThree : null, check));
}
