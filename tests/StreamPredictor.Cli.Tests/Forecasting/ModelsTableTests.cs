using StreamPredictor.Abstractions.Forecasting;
using StreamPredictor.Cli.Commands;

namespace StreamPredictor.Cli.Tests.Forecasting;

/// <summary>Issue 8: <c>stream models</c> shows last's MAE and the ratio to it next to naive's and MASE.</summary>
public sealed class ModelsTableTests
{
    [Fact]
    public void The_table_has_lasts_MAE_and_the_ratio_to_it_and_a_dash_for_versions_without_them()
    {
        var day = new DateOnly(2022, 6, 1);
        var scored = new ModelVersion(2, "lstm", DateTimeOffset.UnixEpoch, "silo", false, 5, 1.5, day, day.AddDays(29), 250, 300, 1.2, 0.5, 500, true, null, null, LastMae: 240, MaeVsLast: 250.0 / 240);
        var older = scored with { Version = 1, Active = false, LastMae = null, MaeVsLast = null };

        var lines = ModelsCommand.Format([older, scored]).Split('\n');

        Assert.Contains("MASE    last MAE  vs last  epochs", lines[0], StringComparison.Ordinal);
        Assert.Contains("  0.500    240.00    1.042       5", lines[3], StringComparison.Ordinal);
        Assert.Contains("  0.500         -        -       5", lines[2], StringComparison.Ordinal);
    }
}
