namespace StreamPredictor.Client.Tests.Training;

/// <summary>Training schedules: refused below Orleans' reminder minimum before anything is saved; read back; cleared.</summary>
[Collection(SiloCollection.Name)]
public sealed class ScheduleTests(SiloFixture fixture)
{
    [Fact]
    public async Task A_period_below_a_minute_is_refused_before_anything_is_saved()
    {
        const string symbol = "SCHEDULE-SHORT";

        var e = await Assert.ThrowsAsync<StreamClientException>(() =>
            fixture.Client.ScheduleTrainingAsync(symbol, new TrainingRequest("mlp-seed"), TimeSpan.FromSeconds(30)));

        Assert.Equal(StreamClientError.InvalidRequest, e.Error);
        Assert.Contains("the period 00:00:30 is below the minimum of 00:01:00", e.Message, StringComparison.Ordinal);
        Assert.Null(await fixture.Client.GetTrainingScheduleAsync(symbol, "mlp-seed"));
    }

    [Fact]
    public async Task A_schedule_is_read_back_and_cleared()
    {
        const string symbol = "SCHEDULE-DAILY";
        var request = new TrainingRequest("gru", Epochs: 20, HeldOutDays: 30);

        await fixture.Client.ScheduleTrainingAsync(symbol, request, TimeSpan.FromHours(6));
        var schedule = await fixture.Client.GetTrainingScheduleAsync(symbol, "gru");
        await fixture.Client.ClearTrainingScheduleAsync(symbol, "gru");

        Assert.Equal(new TrainingSchedule(request, TimeSpan.FromHours(6)), schedule);
        Assert.Null(await fixture.Client.GetTrainingScheduleAsync(symbol, "gru"));
    }
}
