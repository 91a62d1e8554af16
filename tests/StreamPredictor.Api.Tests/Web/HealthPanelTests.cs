using StreamPredictor.Abstractions.Sources;
using StreamPredictor.Api.Contracts;

namespace StreamPredictor.Api.Tests.Web;

/// <summary>Ingest health at a glance: the market grain's counts, the newest tick and its lag, and a live source's status while one reports.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class HealthPanelTests(ApiSilo silo)
{
    [Fact]
    public async Task The_health_card_shows_accepted_duplicates_late_and_rejected_by_reason()
    {
        const string symbol = "WEB-HEALTH";
        var ticks = TestTicks.Days(new DateOnly(2024, 3, 1), 4);                    // 16 ticks, 2024-03-04 open
        await Upload.TicksAsync(silo, symbol, TestTicks.Json(ticks));
        await Upload.TicksAsync(silo, symbol, TestTicks.Json(ticks[^4..]));          // 4 duplicates
        var late = ticks[8] with { Timestamp = ticks[8].Timestamp + 3_600 };        // 2024-03-03, revisable: late, accepted
        var tooLate = ticks[0] with { Timestamp = ticks[0].Timestamp + 3_600 };     // 2024-03-01, beyond the lateness: rejected
        await Upload.TicksAsync(silo, symbol, TestTicks.Json([late, tooLate]));
        var stats = await HttpJson.GetAsync<SymbolStats>(silo.Client(TestKeys.Reader), $"/api/symbols/{symbol}/stats");
        using var browser = new Browser(silo.BaseAddress);
        browser.Open($"/#{symbol}");
        browser.SignIn(TestKeys.Reader);

        await browser.WaitForAsync("the counts", () => browser.Data("stat-accepted", "value"), v => v.Length > 0);

        Assert.Equal(("17", "4", "1", "1"), (browser.Data("stat-accepted", "value"), browser.Data("stat-duplicates", "value"), browser.Data("stat-late", "value"), browser.Data("stat-rejected", "value")));
        Assert.Equal("1", browser.Data("stat-rejected-TooLate", "value"));
        Assert.Equal((17, 4, 1, 1), (stats.Accepted, stats.Duplicates, stats.LateAccepted, stats.Rejected));
        Assert.Equal("2024-03-04 00:03:00 UTC", browser.Text("stat-newest"));
        Assert.EndsWith("days", browser.Text("stat-lag"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_source_shows_its_status_while_it_reports_and_its_changes_without_a_reload()
    {
        const string symbol = "WEB-SOURCE";
        await Upload.TicksAsync(silo, symbol, TestTicks.Json(TestTicks.Days(new DateOnly(2024, 5, 1), 2)));
        var status = silo.Grains.GetGrain<ISourceStatusGrain>(symbol);
        using var browser = new Browser(silo.BaseAddress);
        browser.Open($"/#{symbol}");
        browser.SignIn(TestKeys.Reader);
        await browser.WaitForAsync("the chart", () => browser.Data("chart", "lastDay"), d => d == "2024-05-02");
        Assert.False(browser.Visible("source-card"));
        browser.MarkDocument();

        await status.ReportAsync(new SourceReport("bitstamp:btcusd", true, DateTimeOffset.UtcNow, 1_440, 2, 1, 37, 0, DateTimeOffset.UtcNow));
        await browser.WaitForAsync("the source card", () => browser.Visible("source-card"), v => v);
        Assert.Equal("bitstamp:btcusd", browser.Text("source-0-name"));
        Assert.Equal("connected", browser.Text("source-0-state"));
        Assert.Equal("2", browser.Data("source-0-reconnects", "value"));
        Assert.Equal("1 (37 min)", browser.Text("source-0-gaps"));

        await status.ReportAsync(new SourceReport("bitstamp:btcusd", false, DateTimeOffset.UtcNow, 1_500, 3, 1, 37, 0, DateTimeOffset.UtcNow));
        await browser.WaitForAsync("the disconnection", () => browser.Text("source-0-state"), s => s == "disconnected");
        Assert.Equal("3", browser.Data("source-0-reconnects", "value"));
        browser.KeepScreenshot("source");
        Assert.True(browser.StillSameDocument(), "the page reloaded");
    }
}
