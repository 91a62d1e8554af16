namespace StreamPredictor.Client.Tests.Ingest;

/// <summary>Reading files is part of the SDK: <c>IngestFileAsync</c> reads a tick file and ingests it with confirmation.</summary>
[Collection(SiloCollection.Name)]
public sealed class IngestFileTests(SiloFixture fixture) : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_file_ingested_with_IngestFileAsync_gives_the_days_of_stream_daily()
    {
        const string symbol = "FILE-COINBASE";

        var result = await fixture.Client.IngestFileAsync(symbol, SharedData.PathOf(SharedData.CoinbaseMinutes));

        Assert.Equal(12_423, result.TicksSent);
        Assert.Equal(4, result.BatchesSent);
        Assert.Equal(12_423, result.Stats.Accepted);
        Assert.Equal(TickFiles.Days(SharedData.CoinbaseMinutes), await fixture.Client.GetDaysAsync(symbol));
    }

    [Fact]
    public async Task A_bad_row_stops_the_ingest_naming_file_line_and_field_once_what_was_sent_is_confirmed()
    {
        const string symbol = "FILE-BAD-ROW";
        var rows = Enumerable.Range(0, 5000).Select(i => $"{1_609_459_200 + (i * 60)},10,11,9,10,1");
        var path = _files.Write("bad.csv", "timestamp,open,high,low,close,volume\n" + string.Join('\n', rows) + "\n1609759260,10,9,11,10,1\n");

        var e = await Assert.ThrowsAsync<StreamClientException>(() => fixture.Client.IngestFileAsync(symbol, path));

        Assert.Equal(StreamClientError.SourceFailed, e.Error);
        Assert.Contains($"{path}:5002: field 'high'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(1, e.Ingest!.BatchesSent);
        Assert.Equal(1, e.Ingest.ConfirmedThrough);
        Assert.Equal(4096, e.Ingest.TicksConfirmedInOrder);
        Assert.Equal(4096, (await fixture.Client.GetStatsAsync(symbol)).Accepted);
    }

    [Fact]
    public async Task With_CheckFirst_a_gzip_file_cut_short_sends_nothing()
    {
        const string symbol = "FILE-CUT";
        var whole = File.ReadAllBytes(SharedData.PathOf(SharedData.BinanceMinutes));
        var path = _files.PathOf("cut.csv.gz");
        File.WriteAllBytes(path, whole[..(whole.Length / 2)]);

        var checkedFirst = await Assert.ThrowsAsync<StreamClientException>(() =>
            fixture.Client.IngestFileAsync(symbol, path, new IngestFileOptions { CheckFirst = true }));
        Assert.Equal(StreamClientError.InvalidRequest, checkedFirst.Error);
        Assert.StartsWith($"{path}: ", checkedFirst.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await fixture.Client.GetStatsAsync(symbol)).Batches);

        var withoutCheck = await Assert.ThrowsAsync<StreamClientException>(() => fixture.Client.IngestFileAsync(symbol, path));
        Assert.Equal(StreamClientError.SourceFailed, withoutCheck.Error);
        Assert.True(withoutCheck.Ingest!.ConfirmedThrough > 0, withoutCheck.Message);
        Assert.Equal(withoutCheck.Ingest.TicksConfirmedInOrder, (await fixture.Client.GetStatsAsync(symbol)).Accepted);
    }

    [Fact]
    public async Task A_missing_file_is_refused_before_anything_is_sent()
    {
        var path = _files.PathOf("missing.csv");

        var e = await Assert.ThrowsAsync<StreamClientException>(() => fixture.Client.IngestFileAsync("FILE-MISSING", path));

        Assert.Equal(StreamClientError.InvalidRequest, e.Error);
        Assert.Equal($"{path}: no such file", e.Message);
        Assert.Equal(0, (await fixture.Client.GetStatsAsync("FILE-MISSING")).Batches);
    }

    [Fact]
    public async Task Skipping_the_confirmed_ticks_resumes_a_file_without_a_duplicate()
    {
        const string symbol = "FILE-RESUME";
        var path = SharedData.PathOf(SharedData.CoinbaseMinutes);
        await fixture.Client.IngestAsync(symbol, TickFiles.Ticks(SharedData.CoinbaseMinutes).Take(5000));

        var result = await fixture.Client.IngestFileAsync(symbol, path, new IngestFileOptions { SkipTicks = 5000 });

        Assert.Equal(12_423 - 5000, result.TicksSent);
        Assert.Equal(12_423, result.Stats.Accepted);
        Assert.Equal(0, result.Stats.Duplicates);
        Assert.Equal(TickFiles.Days(SharedData.CoinbaseMinutes), await fixture.Client.GetDaysAsync(symbol));
    }
}
