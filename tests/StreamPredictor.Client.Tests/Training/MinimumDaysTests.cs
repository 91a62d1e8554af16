using StreamPredictor.Grains.Training;

namespace StreamPredictor.Client.Tests.Training;

/// <summary>The SDK's minimum closed days per model (documented in the README) are exactly what training on the silo needs.</summary>
public sealed class MinimumDaysTests
{
    private static readonly DailyBar[] Days = [.. TickFiles.Days(SharedData.Daily)];

    [Theory]
    [InlineData("naive", 63)]
    [InlineData("last", 63)]
    [InlineData("mlp-seed", 122)]
    [InlineData("rnn-seed", 122)]
    [InlineData("mlp", 79)]
    [InlineData("lstm", 99)]
    [InlineData("gru", 99)]
    [InlineData("ensemble", 99)]
    public void The_documented_minimum_with_60_held_out_days(string model, int days) =>
        Assert.Equal(days, TrainingModels.MinimumClosedDays(model));

    [Theory]
    [InlineData("naive")]
    [InlineData("last")]
    [InlineData("mlp")]
    [InlineData("mlp-seed")]
    [InlineData("rnn-seed")]
    [InlineData("lstm")]
    [InlineData("gru")]
    public void Training_runs_at_the_minimum_and_refuses_one_day_less(string model)
    {
        const int heldOut = 5;
        var minimum = TrainingModels.MinimumClosedDays(model, heldOut);
        var request = new TrainingRequest(model, Epochs: 1, HeldOutDays: heldOut, ValidationFraction: 0);

        var outcome = TrainingJob.Run(request, Days[^minimum..], null, null, CancellationToken.None);

        Assert.Equal(heldOut, outcome.HeldOutForecasts.Length);
        Assert.Throws<ArgumentException>(() => TrainingJob.Run(request, Days[^(minimum - 1)..], null, null, CancellationToken.None));
    }
}
