using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Grains.Forecasting;

namespace StreamPredictor.Grains.Tests.Forecasting;

/// <summary>The history table the SDK and the trainer check requests with is what each model's default spec reads.</summary>
public sealed class ModelHistoryTableTests
{
    public static TheoryData<string> Models => [.. ModelNames.All];

    [Theory]
    [MemberData(nameof(Models))]
    public void The_table_says_the_days_the_default_spec_reads(string model) =>
        Assert.Equal(ModelSpec.Default(model).HistoryNeeded, ModelNames.HistoryNeeded(model));
}
