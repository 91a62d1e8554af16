namespace StreamPredictor.Client.Tests.Ingest;

/// <summary>Cancelling an ingest stops publishing at once, and the exception says what the cluster confirmed.</summary>
[Collection(SiloCollection.Name)]
public sealed class IngestCancellationTests(SiloFixture fixture)
{
    private static readonly Tick[] Hourly = TickFiles.Ticks(SharedData.BitstampHourly);

    [Fact]
    public async Task Cancelling_after_the_third_batch_publishes_nothing_more_and_says_what_was_confirmed()
    {
        const string symbol = "CANCEL-THIRD";
        var publisher = new FaultyPublisher(fixture.Publisher);
        var client = fixture.ClientWith(publisher);
        using var cancel = new CancellationTokenSource();
        var progress = new InlineProgress<IngestProgress>(p =>
        {
            if (p.BatchesSent == 3)
            {
                cancel.Cancel();
            }
        });

        var e = await Assert.ThrowsAsync<IngestCanceledException>(() => client.IngestAsync(symbol, Hourly, progress, cancel.Token));

        Assert.Equal(cancel.Token, e.CancellationToken);
        Assert.Equal(3, publisher.Published);
        Assert.Equal(3, e.Checkpoint.BatchesSent);
        Assert.Equal(3 * 4096, e.Checkpoint.TicksSent);
        Assert.Equal(3, e.Checkpoint.BatchesConfirmed + e.Checkpoint.Unconfirmed.Count);
        Assert.Equal(e.Checkpoint.ConfirmedThrough * 4096, e.Checkpoint.TicksConfirmedInOrder);

        // Exactly three batches reach the grain: a later batch on the same stream lands after everything sent before it.
        await fixture.Client.IngestAsync(symbol, [TickFiles.Sentinel]);
        var stats = await fixture.Client.GetStatsAsync(symbol);
        Assert.Equal(3 + 1, stats.Batches);
        Assert.Equal((3 * 4096) + 1, stats.Accepted);
    }

    [Fact]
    public async Task A_token_cancelled_before_the_call_publishes_nothing()
    {
        const string symbol = "CANCEL-BEFORE";
        var publisher = new FaultyPublisher(fixture.Publisher);
        var client = fixture.ClientWith(publisher);

        var e = await Assert.ThrowsAsync<IngestCanceledException>(() => client.IngestAsync(symbol, Hourly, null, new CancellationToken(true)));

        Assert.Equal(0, publisher.Published);
        Assert.Equal(0, e.Checkpoint.BatchesSent);
        await fixture.Client.IngestAsync(symbol, [TickFiles.Sentinel]);
        Assert.Equal(1, (await fixture.Client.GetStatsAsync(symbol)).Batches);
    }

    [Fact]
    public async Task An_ingest_waiting_for_a_lost_batch_stops_when_cancelled_and_lists_it_unconfirmed()
    {
        const string symbol = "CANCEL-WAITING";
        var publisher = FaultyPublisher.DropAlways(fixture.Publisher, 10);
        // Each batch of hourly ticks spans months: without a wide day window the SDK would hold batch 10 back until 9
        // is confirmed, and this test is about a batch sent and lost.
        var client = fixture.ClientWith(publisher, o =>
        {
            o.ResendAfter = TimeSpan.FromMinutes(5);
            o.MaxUnconfirmedDays = 100_000;
        });
        using var cancel = new CancellationTokenSource();
        var progress = new InlineProgress<IngestProgress>(p =>
        {
            if (p.BatchesConfirmed == 9)
            {
                cancel.Cancel();
            }
        });

        var e = await Assert.ThrowsAsync<IngestCanceledException>(() => client.IngestAsync(symbol, Hourly, progress, cancel.Token));

        Assert.Equal(10, e.Checkpoint.BatchesSent);
        Assert.Equal(9, e.Checkpoint.ConfirmedThrough);
        Assert.Equal([10L], e.Checkpoint.Unconfirmed);
        Assert.Equal(9 * 4096, e.Checkpoint.TicksConfirmedInOrder);
        Assert.Equal(1, publisher.SendsOf(10));
    }

    [Fact]
    public async Task Cancelling_stops_even_a_source_that_ignores_the_token()
    {
        const string symbol = "CANCEL-DEAF";
        using var cancel = new CancellationTokenSource();
        var progress = new InlineProgress<IngestProgress>(p =>
        {
            if (p.BatchesConfirmed == 1)
            {
                cancel.Cancel();
            }
        });

        var e = await Assert.ThrowsAsync<IngestCanceledException>(() => fixture.Client.IngestAsync(symbol, OneBatchThenSilence(), progress, cancel.Token));

        Assert.Equal(1, e.Checkpoint.ConfirmedThrough);
        Assert.Empty(e.Checkpoint.Unconfirmed);
    }

    /// <summary>A live feed that delivers one batch, then waits for the next forever and never looks at a token.</summary>
    private static async IAsyncEnumerable<Tick[]> OneBatchThenSilence()
    {
        yield return Hourly[..100];
        await new TaskCompletionSource().Task;
    }
}
