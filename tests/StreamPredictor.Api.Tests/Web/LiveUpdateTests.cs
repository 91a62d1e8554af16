using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using StreamPredictor.Api.Contracts;
using Xunit.Abstractions;

namespace StreamPredictor.Api.Tests.Web;

/// <summary>
/// The page follows the symbol's server-sent events without reloading: a nowcast moves the nowcast card within two
/// seconds, a day closing moves the chart and the forecast, an activation changes the model badge.
/// </summary>
[Collection(ApiSiloCollection.Name)]
public sealed class LiveUpdateTests(ApiSilo silo, ITestOutputHelper output)
{
    private static readonly TimeSpan TwoSeconds = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_nowcast_on_the_nowcasts_stream_moves_the_page_within_two_seconds_without_a_reload()
    {
        const string symbol = "WEB-NOWCAST";
        // The forecast grain nowcasts the open day (04-03) itself: the test publisher's nowcasts are of the day after, so
        // they start a trail of their own on the page and the grain's (older) ones are skipped after them.
        var open = new DateOnly(2024, 4, 4);
        await Upload.TicksAsync(silo, symbol, TestTicks.Json(TestTicks.Days(new DateOnly(2024, 4, 1), 3)));
        var cluster = silo.Services.GetRequiredService<IClusterClient>();
        using var browser = await SignedInAsync(symbol, "2024-04-03");
        await browser.WaitForAsync("the events connection", () => browser.Data("live", "state"), s => s == "live");
        browser.MarkDocument();

        var morning = TestNowcasts.Make(symbol, open, 111.25, 0.25);
        await TestNowcasts.PublishAsync(cluster, morning);
        var (_, first) = await browser.WaitForAsync("the morning nowcast", () => browser.Data("nowcast-value", "value"), v => v == "111.25");
        var evening = TestNowcasts.Make(symbol, open, 112.5, 0.75);
        await TestNowcasts.PublishAsync(cluster, evening);
        var (_, second) = await browser.WaitForAsync("the evening nowcast", () => browser.Data("nowcast-value", "value"), v => v == "112.5");

        browser.KeepScreenshot("nowcast-published");
        output.WriteLine($"nowcasts on the page {first.TotalMilliseconds:F0} ms and {second.TotalMilliseconds:F0} ms after publishing");
        Assert.True(browser.StillSameDocument(), "the page reloaded");
        Assert.True(first < TwoSeconds, $"the first nowcast took {first.TotalMilliseconds:F0} ms");
        Assert.True(second < TwoSeconds, $"the second nowcast took {second.TotalMilliseconds:F0} ms");
        Assert.Equal("0.75", browser.Data("nowcast-progress", "value"));
        Assert.Equal("2", browser.Data("chart", "nowcastPoints"));
        var details = browser.Text("nowcast-details");
        Assert.Contains($"80 %\n{HourlyBars.Price(evening.Intervals[0].Lower)} – {HourlyBars.Price(evening.Intervals[0].Upper)}", details, StringComparison.Ordinal);
        Assert.Contains($"95 %\n{HourlyBars.Price(evening.Intervals[1].Lower)} – {HourlyBars.Price(evening.Intervals[1].Upper)}", details, StringComparison.Ordinal);
        Assert.Contains("75.0 % of the day in", browser.Text("nowcast-date"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingesting_more_ticks_moves_the_nowcast_on_the_page_within_two_seconds_without_a_reload()
    {
        const string symbol = "WEB-NOWCAST-E2E";
        var before = HourlyBars.Rows.Where(r => r.Timestamp >= HourlyBars.At(2022, 6, 1) && r.Timestamp <= HourlyBars.At(2022, 8, 19, 12)).ToList();
        var more = HourlyBars.Rows.Where(r => r.Timestamp > HourlyBars.At(2022, 8, 19, 12) && r.Timestamp <= HourlyBars.At(2022, 8, 19, 18)).ToList();
        await Upload.TicksAsync(silo, symbol, HourlyBars.Csv(before));
        using var browser = await SignedInAsync(symbol, "2022-08-19");
        await browser.WaitForAsync("the events connection", () => browser.Data("live", "state"), s => s == "live");
        var (shown, _) = await browser.WaitForAsync("the open day's nowcast", () => browser.Data("nowcast-value", "value"), v => v.Length > 0, TimeSpan.FromSeconds(30));
        browser.MarkDocument();

        await Upload.TicksAsync(silo, symbol, HourlyBars.Csv(more));
        var (moved, after) = await browser.WaitForAsync("the nowcast to move", () => browser.Data("nowcast-value", "value"), v => v != shown, TimeSpan.FromSeconds(30));

        output.WriteLine($"nowcast {shown} -> {moved} on the page {after.TotalMilliseconds:F0} ms after the upload was stored");
        Assert.True(browser.StillSameDocument(), "the page reloaded");
        Assert.True(after < TwoSeconds, $"the nowcast moved {after.TotalMilliseconds:F0} ms after the ticks were stored");
        Assert.Equal("2022-08-19 18:00:00 UTC", browser.Text("nowcast-asof"));
    }

    [Fact]
    public async Task A_day_closing_moves_the_chart_and_the_forecast_and_an_activation_changes_the_model_badge()
    {
        const string symbol = "WEB-DAILY";
        var lines = await File.ReadAllLinesAsync(SharedData.PathOf(SharedData.Daily));
        var upToLast = string.Join('\n', lines.SkipLast(1)) + "\n";
        await Upload.TicksAsync(silo, symbol, new StringContent(upToLast, System.Text.Encoding.UTF8, "text/csv"));
        using var client = silo.Client(TestKeys.ReadWrite);
        using var start = await client.PostAsJsonAsync($"/api/symbols/{symbol}/training", new { model = "mlp-seed", epochs = 2, heldOutDays = 30, activateIfBetter = false });
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        using var browser = await SignedInAsync(symbol, "2025-09-23");
        await browser.WaitForAsync("the events connection", () => browser.Data("live", "state"), s => s == "live");
        Assert.Equal("2025-09-22", browser.Data("chart", "lastClosedDay"));
        Assert.Equal("2025-09-23", browser.Data("chart", "forecastFor"));
        browser.MarkDocument();

        await Upload.TicksAsync(silo, symbol, new StringContent($"{lines[0]}\n{lines[^1]}\n", System.Text.Encoding.UTF8, "text/csv"));
        var (_, closed) = await browser.WaitForAsync("2025-09-23 closed on the chart", () => browser.Data("chart", "lastClosedDay"), d => d == "2025-09-23");
        var (_, forecastMoved) = await browser.WaitForAsync("the forecast for 2025-09-24", () => browser.Data("chart", "forecastFor"), d => d == "2025-09-24");
        Assert.Contains("mean close of 2025-09-24", browser.Text("forecast-date"), StringComparison.Ordinal);
        Assert.Equal("2025-09-24", browser.Data("chart", "lastDay"));

        var run = await Eventually.MatchesAsync(
            "the training run to finish",
            () => HttpJson.GetAsync<TrainingRun>(client, start.Headers.Location!.OriginalString),
            r => r.State != Abstractions.Forecasting.TrainingState.Running,
            TimeSpan.FromMinutes(3));
        Assert.Equal("naive · v0", browser.Text("model-badge"));
        (await client.PostAsync($"/api/symbols/{symbol}/models/{run.Result!.Version}/activate", null)).EnsureSuccessStatusCode();
        var (badge, activated) = await browser.WaitForAsync("the model badge", () => browser.Text("model-badge"), b => b != "naive · v0");
        var (row, _) = await browser.WaitForAsync("the active row of the models table", () => ActiveModelRow(browser), r => r.StartsWith("1 mlp-seed", StringComparison.Ordinal));
        var version = Assert.Single(await HttpJson.GetAsync<Abstractions.Forecasting.ModelVersion[]>(client, $"/api/symbols/{symbol}/models"));

        browser.KeepScreenshot("activated");
        output.WriteLine($"day closed on the chart after {closed.TotalMilliseconds:F0} ms, forecast after {forecastMoved.TotalMilliseconds:F0} ms more; badge after {activated.TotalMilliseconds:F0} ms");
        Assert.Equal("mlp-seed · v1", badge);
        var vsLast = version.MaeVsLast is { } ratio ? ratio.ToString("F3", CultureInfo.InvariantCulture) : "–";
        Assert.Equal($"1 mlp-seed 30 d to {version.HeldOutTo:yyyy-MM-dd} {HourlyBars.Price(version.Mae)} {version.Mase.ToString("F3", CultureInfo.InvariantCulture)} {vsLast} active", row);
        Assert.True(browser.StillSameDocument(), "the page reloaded");
    }

    private async Task<Browser> SignedInAsync(string symbol, string lastDay)
    {
        var browser = new Browser(silo.BaseAddress);
        try
        {
            browser.Open($"/#{symbol}");
            browser.SignIn(TestKeys.Reader);
            await browser.WaitForAsync($"{symbol}'s days on the chart", () => browser.Data("chart", "lastDay"), d => d == lastDay);
            return browser;
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    private static string ActiveModelRow(Browser browser) =>
        browser.Driver.FindElements(By.CssSelector("#models tbody tr.active")).Select(r => r.Text).FirstOrDefault() ?? "";
}
