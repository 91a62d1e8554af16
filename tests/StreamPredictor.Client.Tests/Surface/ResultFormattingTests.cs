namespace StreamPredictor.Client.Tests.Surface;

/// <summary>Result records read well when printed: one line, thousands separators, reasons by name.</summary>
public sealed class ResultFormattingTests
{
    private static readonly TickCounts Counts = new(37_380, 4, 2, new Dictionary<TickRejectReason, long> { [TickRejectReason.TooLate] = 3 });

    [Fact]
    public void An_ingest_result_says_what_was_sent_and_what_became_of_it()
    {
        var stats = new IngestStats(10, 37_380, 4, 2, new Dictionary<TickRejectReason, long>(), 1_558, 2, new DateOnly(2022, 8, 20));
        var result = new IngestResult("BTCUSD", 37_387, 10, 0, TimeSpan.FromSeconds(2), Counts, stats);

        Assert.Equal(
            "BTCUSD: 37,387 ticks in 10 batches confirmed in 2.00 s (18,694 ticks/s): 37,380 accepted (2 late), 4 duplicates, 3 rejected (TooLate 3); the symbol now has 37,380 ticks, 1,558 closed days",
            result.ToString());
    }

    [Fact]
    public void A_checkpoint_names_the_confirmed_and_unconfirmed_batches_as_ranges()
    {
        var checkpoint = new IngestCheckpoint("BTCUSD", Guid.Empty, 9, 36_864, 3, [5, 6], 12_288, [4, 7, 8, 9], TickCounts.None);

        Assert.Equal(
            "BTCUSD: 5 of 9 batches confirmed (1-3, 5-6), unconfirmed 4, 7-9; the first 12,288 of 36,864 ticks sent are stored",
            checkpoint.ToString());
    }

    [Fact]
    public void Progress_says_what_was_sent_and_confirmed()
    {
        var progress = new IngestProgress("BTCUSD", 8_192, 2, 4_096, 1, 0, TimeSpan.FromSeconds(0.5), TickCounts.None);

        Assert.Equal("BTCUSD: 8,192 ticks in 2 batches sent, 4,096 ticks in 1 batches confirmed, 16,384 ticks/s", progress.ToString());
    }
}
