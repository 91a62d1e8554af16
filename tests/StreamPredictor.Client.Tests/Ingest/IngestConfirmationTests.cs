namespace StreamPredictor.Client.Tests.Ingest;

/// <summary>
/// End-to-end confirmation: a publish is never trusted. Batches the stream lost are sent again; one that stays
/// unconfirmed fails the ingest after the deadline, naming it; the window of unconfirmed batches is bounded.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class IngestConfirmationTests(SiloFixture fixture)
{
    private static readonly Tick[] Hourly = TickFiles.Ticks(SharedData.BitstampHourly);

    [Fact]
    public async Task A_batch_the_stream_lost_is_sent_again_and_confirmed()
    {
        const string symbol = "LOST-LAST";
        var publisher = FaultyPublisher.DropFirstSend(fixture.Publisher, 10);
        var client = fixture.ClientWith(publisher, o => o.ResendAfter = TimeSpan.FromMilliseconds(300));

        var result = await client.IngestAsync(symbol, Hourly);

        Assert.Equal(10, result.BatchesSent);
        Assert.Equal(1, publisher.Dropped);
        Assert.Equal(2, publisher.SendsOf(10));
        Assert.True(result.Resends >= 1);
        Assert.Equal(Hourly.Length, result.Stats.Accepted);
        Assert.Equal(TickFiles.Days(SharedData.BitstampHourly), await fixture.Client.GetDaysAsync(symbol));
    }

    [Fact]
    public async Task A_batch_lost_in_the_middle_is_sent_again_though_later_ones_landed()
    {
        // A provider that fails a publish and says nothing: batch 5 never arrives the first time, later ones do.
        // The window (6 batches of 200 minutes) keeps the resent batch within the symbol's allowed lateness of a day.
        const string symbol = "LOST-MIDDLE";
        var minutes = TickFiles.Ticks(SharedData.CoinbaseMinutes);
        var publisher = FaultyPublisher.DropFirstSend(fixture.Publisher, 5);
        var client = fixture.ClientWith(publisher, o =>
        {
            o.BatchSize = 200;
            o.MaxUnconfirmedBatches = 6;
            o.ResendAfter = TimeSpan.FromMilliseconds(300);
        });

        var result = await client.IngestAsync(symbol, minutes);

        Assert.Equal(2, publisher.SendsOf(5));
        Assert.Equal(minutes.Length, result.Counts.Accepted);
        Assert.Equal(0, result.Counts.Rejected);
        Assert.Equal(TickFiles.Days(SharedData.CoinbaseMinutes), await fixture.Client.GetDaysAsync(symbol));
    }

    [Fact]
    public async Task A_batch_lost_in_the_middle_lands_within_the_lateness_with_the_default_window()
    {
        // 32 batches of 200 minutes would span four days: were they all in flight, the resent batch 5 would land
        // behind later days and its ticks would be refused as too late. The SDK keeps its unconfirmed batches within
        // MaxUnconfirmedDays (1) of event time, so the resend is a revision the grain takes.
        const string symbol = "LOST-MIDDLE-DEFAULT";
        var minutes = TickFiles.Ticks(SharedData.CoinbaseMinutes);
        var publisher = FaultyPublisher.DropFirstSend(fixture.Publisher, 5);
        var client = fixture.ClientWith(publisher, o =>
        {
            o.BatchSize = 200;
            o.ResendAfter = TimeSpan.FromMilliseconds(300);
        });

        var result = await client.IngestAsync(symbol, minutes);

        Assert.Equal(2, publisher.SendsOf(5));
        Assert.Equal(0, result.Counts.Rejected);
        Assert.Equal(minutes.Length, result.Counts.Accepted);
        Assert.Equal(TickFiles.Days(SharedData.CoinbaseMinutes), await fixture.Client.GetDaysAsync(symbol));
    }

    [Fact]
    public async Task The_result_counts_this_calls_ticks_apart_from_the_symbols_totals()
    {
        const string symbol = "PER-CALL";
        await fixture.Client.IngestAsync(symbol, Hourly[..20_000]);
        var tooLate = Hourly[0] with { Timestamp = Hourly[0].Timestamp + 1 };
        var notFinite = Hourly[^1] with { Timestamp = Hourly[^1].Timestamp + 1, Close = double.NaN };

        var result = await fixture.Client.IngestAsync(symbol, [.. Hourly[19_990..], tooLate, notFinite]);

        Assert.Equal(Hourly.Length - 20_000, result.Counts.Accepted);
        Assert.Equal(10, result.Counts.Duplicates);
        Assert.Equal(1, result.Counts.RejectedByReason[TickRejectReason.TooLate]);
        Assert.Equal(1, result.Counts.RejectedByReason[TickRejectReason.NotFinite]);
        Assert.Equal(2, result.Counts.Rejected);
        Assert.Equal(Hourly.Length, result.Stats.Accepted);
        Assert.Equal(10, result.Stats.Duplicates);
    }

    [Fact]
    public async Task A_batch_never_confirmed_fails_the_ingest_after_the_deadline_naming_it()
    {
        const string symbol = "LOST-FOREVER";
        var publisher = FaultyPublisher.DropAlways(fixture.Publisher, 10);
        var client = fixture.ClientWith(publisher, o =>
        {
            o.ResendAfter = TimeSpan.FromMilliseconds(300);
            o.ConfirmationTimeout = TimeSpan.FromSeconds(3);
        });

        var e = await Assert.ThrowsAsync<StreamClientException>(() => client.IngestAsync(symbol, Hourly));

        Assert.Equal(StreamClientError.NotConfirmed, e.Error);
        Assert.Contains("batch 10 not confirmed", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.NotNull(e.Ingest);
        Assert.Equal(10, e.Ingest.BatchesSent);
        Assert.Equal(9, e.Ingest.ConfirmedThrough);
        Assert.Equal([10L], e.Ingest.Unconfirmed);
        Assert.True(publisher.SendsOf(10) >= 2, $"batch 10 sent {publisher.SendsOf(10)} times");
    }

    [Fact]
    public async Task An_invalid_symbol_is_refused_before_the_source_is_read()
    {
        var publisher = new FaultyPublisher(fixture.Publisher);
        var client = fixture.ClientWith(publisher);
        var read = false;

        var e = await Assert.ThrowsAsync<StreamClientException>(() => client.IngestAsync("BRK.B", Watched(() => read = true)));

        Assert.Equal(StreamClientError.InvalidRequest, e.Error);
        Assert.Contains("'.' at position 4", e.Message, StringComparison.Ordinal);
        Assert.False(read);
        Assert.Equal(0, publisher.Published);
    }

    [Fact]
    public async Task Confirmation_is_progressive_so_a_source_that_never_ends_needs_no_end()
    {
        // Each batch is produced only once the one before it is confirmed: an ingest that confirmed only at the end
        // of its source would wait forever here, as it would on a live feed.
        const string symbol = "ENDLESS";
        IngestProgress? latest = null;
        var progress = new InlineProgress<IngestProgress>(p => latest = p);
        using var stop = new CancellationTokenSource();

        async IAsyncEnumerable<Tick[]> Feed()
        {
            for (var i = 0; ; i++)
            {
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while ((latest?.BatchesConfirmed ?? 0) < i)
                {
                    if (DateTime.UtcNow > deadline)
                    {
                        throw new TimeoutException($"batch {i} was not confirmed while the source was still running");
                    }

                    await Task.Delay(10);
                }

                if (i == 20)
                {
                    // Twenty batches confirmed one by one: stop the feed there, as a caller stops a live feed.
                    await stop.CancelAsync();
                    await new TaskCompletionSource().Task;
                }

                yield return Hourly[(i * 100)..((i + 1) * 100)];
            }
        }

        var e = await Assert.ThrowsAsync<IngestCanceledException>(() => fixture.Client.IngestAsync(symbol, Feed(), progress, stop.Token));

        Assert.Equal(20, e.Checkpoint.ConfirmedThrough);
        Assert.Equal(2_000, e.Checkpoint.TicksConfirmedInOrder);
        Assert.Empty(e.Checkpoint.Unconfirmed);
    }

    [Fact]
    public async Task An_ingest_keeps_at_most_MaxUnconfirmedBatches_waiting()
    {
        const string symbol = "BOUNDED";
        var publisher = new FaultyPublisher(fixture.Publisher, (_, _) => true);
        var client = fixture.ClientWith(publisher, o =>
        {
            o.MaxUnconfirmedBatches = 4;
            o.ResendAfter = TimeSpan.FromMinutes(5);
            o.ConfirmationTimeout = TimeSpan.FromSeconds(2);
        });
        var pulled = 0;

        async IAsyncEnumerable<Tick[]> Endless()
        {
            for (var i = 0; ; i++)
            {
                pulled++;
                await Task.Yield();
                yield return [Hourly[i]];
            }
        }

        var e = await Assert.ThrowsAsync<StreamClientException>(() => client.IngestAsync(symbol, Endless()));

        Assert.Equal(StreamClientError.NotConfirmed, e.Error);
        Assert.Equal(4, publisher.Published);
        Assert.Equal(4, e.Ingest!.BatchesSent);
        Assert.Equal([1L, 2, 3, 4], e.Ingest.Unconfirmed);
        Assert.Equal(5, pulled);
    }

    private static async IAsyncEnumerable<Tick> Watched(Action onRead)
    {
        onRead();
        await Task.Yield();
        yield return TickFiles.Sentinel;
    }
}
