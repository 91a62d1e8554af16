using System.Text;
using StreamPredictor.Api.Contracts;
using StreamPredictor.Grains.Market;
using StreamPredictor.Ticks;

namespace StreamPredictor.Api.Tests;

/// <summary>Ticks posted over HTTP: the same days as <c>stream daily</c>, all or nothing on a bad row, idempotent, bounded.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class IngestTests(ApiSilo silo)
{
    [Fact]
    public async Task The_bitstamp_file_posted_as_csv_gives_the_days_of_stream_daily()
    {
        using var writer = silo.Client(TestKeys.Writer);
        using var reader = silo.Client(TestKeys.Reader);
        var file = await File.ReadAllBytesAsync(SharedData.PathOf(SharedData.BitstampHourly));

        using var response = await writer.PostAsync("/api/symbols/HTTP-BITSTAMP/ticks", new ByteArrayContent(file) { Headers = { { "Content-Type", "text/csv" } } });
        var result = await HttpJson.ReadAsync<IngestResponse>(response);
        var csv = await reader.GetStringAsync("/api/symbols/HTTP-BITSTAMP/days?format=csv");

        Assert.Equal(37_387, result.Ticks);
        Assert.Equal(37_387, result.Stats.Accepted);
        Assert.Equal(0, result.Stats.Rejected);
        Assert.Equal(await DailyOutput.OfAsync(SharedData.BitstampHourly), csv);
    }

    [Fact]
    public async Task Minute_ticks_posted_as_json_give_the_days_of_the_file()
    {
        using var writer = silo.Client(TestKeys.Writer);
        using var reader = silo.Client(TestKeys.Reader);
        Tick[] ticks;
        using (var file = TickReader.Open(SharedData.PathOf(SharedData.CoinbaseMinutes)))
        {
            ticks = [.. file.ReadBatches(4096).SelectMany(b => b)];
        }

        using var response = await writer.PostAsync("/api/symbols/HTTP-COINBASE/ticks", TestTicks.Json(ticks));
        var result = await HttpJson.ReadAsync<IngestResponse>(response);
        var days = await HttpJson.GetAsync<DailyBar[]>(reader, "/api/symbols/HTTP-COINBASE/days");

        Assert.Equal(ticks.Length, result.Ticks);
        Assert.Equal(DailyImport.Run(SharedData.PathOf(SharedData.CoinbaseMinutes)).Days, days);
    }

    [Fact]
    public async Task A_bad_csv_row_is_refused_by_line_and_field_and_nothing_is_applied()
    {
        const string symbol = "HTTP-BAD-CSV";
        using var writer = silo.Client(TestKeys.Writer);
        using var reader = silo.Client(TestKeys.Reader);
        var body = "timestamp,open,high,low,close,volume\n" +
            "1704067200,10,11,9,10,1\n" +
            "1704067260,10,11,9,10.5,1\n" +
            "1704067320,10,9,11,10,1\n" +
            "1704067380,10,11,9,10,1\n";

        using var response = await writer.PostAsync($"/api/symbols/{symbol}/ticks", new StringContent(body, Encoding.UTF8, "text/csv"));
        var problem = await Problem.ReadAsync(response);
        var stats = await HttpJson.GetAsync<SymbolStats>(reader, $"/api/symbols/{symbol}/stats");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("4", problem.Text("line"));
        Assert.Equal("high", problem.Text("field"));
        Assert.Equal("HighBelowLow", problem.Text("reason"));
        Assert.Contains("line 4, field 'high': high 9 is below low 11", problem.Detail);
        Assert.Equal(0, stats.Batches);
        Assert.Equal(0, stats.Accepted);
    }

    [Theory]
    [InlineData("""[{"timestamp":1704067200,"open":10,"high":11,"low":9,"close":10},{"timestamp":1704067260,"open":10,"high":11,"low":9}]""", "2", "close", "missing")]
    [InlineData("""[{"timestamp":1704067200,"open":0,"high":11,"low":9,"close":10,"volume":1}]""", "1", "open", "0 is not a positive price")]
    [InlineData("""[{"timestamp":1704067200,"open":10,"high":11,"low":9,"close":10,"volume":-2}]""", "1", "volume", "volume -2 is negative")]
    [InlineData("""[{"timestamp":1704067200,"open":10,"high":11,"low":9,"close":10},{"timestamp":1704067200000,"open":10,"high":11,"low":9,"close":10}]""", "2", "timestamp", "outside 1970-01-01..2100-01-01")]
    [InlineData("""[{"timestamp":"2024-01-01T00:00:00.5Z","open":10,"high":11,"low":9,"close":10}]""", "1", "timestamp", "fraction of a second")]
    [InlineData("""[{"timestamp":1704067200,"open":10,"high":11,"low":9,"close":"10"}]""", "1", "close", "expected a number")]
    [InlineData("""[{"timestamp":1704067200,"open":10,"high":11,"low":9,"close":10,"vol":1}]""", "1", "vol", "unknown field")]
    public async Task A_bad_json_row_is_refused_by_row_and_field_and_nothing_is_applied(string body, string row, string field, string detail)
    {
        var symbol = $"HTTP-BAD-JSON-{Guid.NewGuid():N}"[..32];
        using var writer = silo.Client(TestKeys.Writer);
        using var reader = silo.Client(TestKeys.Reader);

        using var response = await writer.PostAsync($"/api/symbols/{symbol}/ticks", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await Problem.ReadAsync(response);
        var stats = await HttpJson.GetAsync<SymbolStats>(reader, $"/api/symbols/{symbol}/stats");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(row, problem.Text("row"));
        Assert.Equal(field, problem.Text("field"));
        Assert.Contains(detail, problem.Detail);
        Assert.Contains("nothing of this upload was applied", problem.Detail);
        Assert.Equal(0, stats.Accepted);
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_the_row_it_stopped_at()
    {
        using var writer = silo.Client(TestKeys.Writer);

        using var response = await writer.PostAsync("/api/symbols/HTTP-TRUNCATED/ticks",
            new StringContent("""[{"timestamp":1704067200,"open":10,"high":11,"low":9,"close":10},{"timestamp":17040""", Encoding.UTF8, "application/json"));
        var problem = await Problem.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("2", problem.Text("row"));
        Assert.Equal("InvalidJson", problem.Text("reason"));
    }

    /// <summary>Two days: both still revisable (allowed lateness 1 day), so every tick sent again is a duplicate.</summary>
    [Fact]
    public async Task Posting_the_same_ticks_again_changes_no_day_and_counts_duplicates()
    {
        const string symbol = "HTTP-TWICE";
        using var writer = silo.Client(TestKeys.Writer);
        using var reader = silo.Client(TestKeys.Reader);
        var ticks = TestTicks.Days(new DateOnly(2024, 2, 1), 2);

        var first = await HttpJson.ReadAsync<IngestResponse>(await writer.PostAsync($"/api/symbols/{symbol}/ticks", TestTicks.Json(ticks)));
        var daysAfterFirst = await reader.GetStringAsync($"/api/symbols/{symbol}/days?format=csv");
        var second = await HttpJson.ReadAsync<IngestResponse>(await writer.PostAsync($"/api/symbols/{symbol}/ticks", TestTicks.Csv(ticks)));

        Assert.Equal(8, first.Stats.Accepted);
        Assert.Equal(8, second.Stats.Accepted);
        Assert.Equal(8, second.Stats.Duplicates);
        Assert.Equal(0, second.Stats.Rejected);
        Assert.Equal(daysAfterFirst, await reader.GetStringAsync($"/api/symbols/{symbol}/days?format=csv"));
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_gets_413_and_nothing_is_applied()
    {
        const string symbol = "HTTP-TOO-LARGE";
        using var writer = silo.Client(TestKeys.Writer);
        using var reader = silo.Client(TestKeys.Reader);
        var body = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (var i = 0; body.Length <= 9 << 20; i++)
        {
            body.Append(1_704_067_200 + (i * 60)).Append(",10,11,9,10,1\n");
        }

        // As curl does for large bodies: the server can refuse before the body is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/symbols/{symbol}/ticks")
        {
            Content = new StringContent(body.ToString(), Encoding.UTF8, "text/csv"),
            Headers = { ExpectContinue = true },
        };
        using var response = await writer.SendAsync(request);
        var stats = await HttpJson.GetAsync<SymbolStats>(reader, $"/api/symbols/{symbol}/stats");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, (await Problem.ReadAsync(response)).Status);
        Assert.Equal(0, stats.Accepted);
    }

    [Fact]
    public async Task A_body_that_is_neither_json_nor_csv_gets_415()
    {
        using var writer = silo.Client(TestKeys.Writer);

        using var response = await writer.PostAsync("/api/symbols/HTTP-PLAIN/ticks", new StringContent("1704067200 10 11 9 10", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(415, (await Problem.ReadAsync(response)).Status);
    }

    [Theory]
    [InlineData("BTC.USD", "'.' at position 4")]
    [InlineData("THIS-SYMBOL-IS-LONGER-THAN-32-CHARS", "at most 32")]
    public async Task A_symbol_breaking_the_symbol_rule_gets_400_before_anything_is_read(string symbol, string detail)
    {
        using var writer = silo.Client(TestKeys.ReadWrite);

        using var post = await writer.PostAsync($"/api/symbols/{symbol}/ticks", TestTicks.Json(TestTicks.Days(new DateOnly(2024, 1, 1), 1)));
        using var get = await writer.GetAsync($"/api/symbols/{symbol}/days");

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains(detail, (await Problem.ReadAsync(post)).Detail);
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
    }
}
