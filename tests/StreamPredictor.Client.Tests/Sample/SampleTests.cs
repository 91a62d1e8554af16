using StreamPredictor.Sample;

namespace StreamPredictor.Client.Tests.Sample;

/// <summary>The sample program in samples/ runs against a real silo, and the README shows it as it is.</summary>
[Collection(SiloCollection.Name)]
public sealed class SampleTests(SiloFixture fixture)
{
    [Fact]
    public async Task The_sample_ingests_cancels_resumes_trains_and_watches_forecasts_against_a_silo()
    {
        const string symbol = "SAMPLE";
        var log = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));

        var run = await Walkthrough.RunAsync(fixture.Client, symbol, SharedData.PathOf(SharedData.BitstampHourly), log, timeout.Token);

        // The cancelled ingest published exactly three batches; the resumed one the rest of the file after what was
        // stored. Every batch the grain counted is one of those: nothing was published after the cancellation.
        Assert.Equal(3, run.Cancelled.BatchesSent);
        var stats = await fixture.Client.GetStatsAsync(symbol);
        Assert.Equal(3 + run.Resumed.BatchesSent, stats.Batches);
        Assert.Equal(37_387 - run.Cancelled.TicksConfirmedInOrder, run.Resumed.TicksSent);
        Assert.Equal(37_387, stats.Accepted);
        Assert.Equal(1_558, run.ClosedDays);
        Assert.Equal(TickFiles.Days(SharedData.BitstampHourly), await fixture.Client.GetDaysAsync(symbol));

        Assert.Equal(TrainingState.Completed, run.Training.State);
        Assert.True(run.TrainingUpdates >= 2, $"{run.TrainingUpdates} training updates");
        Assert.True(run.ForecastsWatched >= 1, "no forecast watched");
        Assert.Equal(new DateOnly(2022, 8, 19), run.Forecast!.BasedOn);
        Assert.Contains("cancelled: SAMPLE: ", log.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Program.cs")]
    [InlineData("Walkthrough.cs")]
    public void The_README_shows_the_sample_file_as_it_is(string file)
    {
        var readme = File.ReadAllText(RepositoryFiles.PathOf("README.md")).ReplaceLineEndings("\n");
        var code = File.ReadAllText(RepositoryFiles.PathOf("samples", "StreamPredictor.Sample", file)).ReplaceLineEndings("\n");

        Assert.Contains(code, readme, StringComparison.Ordinal);
    }
}
