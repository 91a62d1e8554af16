using System.Globalization;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;
using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Api.Tests.Web;

/// <summary>
/// After signing in, the page shows what the cluster holds of the real Bitstamp hourly file: every day on the chart,
/// a day's OHLC on hover, the latest days, the forecast and its model, the ingest counts. Expected figures are worked
/// out from the file's rows here.
/// </summary>
[Collection(ApiSiloCollection.Name)]
public sealed class ChartTests(ApiSilo silo)
{
    private const string Symbol = "WEB-BTCUSD";

    [Fact]
    public async Task After_signing_in_with_a_key_the_chart_shows_the_ingested_days()
    {
        // 2018-05-15 06:00 up to 2022-08-19 12:00: 2022-08-19 is the open day, half full.
        var rows = HourlyBars.Rows.Where(r => r.Timestamp <= HourlyBars.At(2022, 8, 19, 12)).ToList();
        var days = HourlyBars.Days(rows);
        await Upload.TicksAsync(silo, Symbol, HourlyBars.Csv(rows));
        var forecast = await Eventually.MatchesAsync(
            "the forecast from 2022-08-18",
            () => HttpJson.GetAsync<Forecast>(silo.Client(TestKeys.Reader), $"/api/symbols/{Symbol}/forecast"),
            f => f.BasedOn == new DateOnly(2022, 8, 18));
        using var browser = new Browser(silo.BaseAddress);
        browser.Open($"/#{Symbol}");

        browser.SignIn(TestKeys.Reader);

        await browser.WaitForAsync("every day on the chart", () => browser.Data("chart", "days"), n => n == days.Count.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(1_558, days.Count);
        Assert.Equal("2018-05-15", browser.Data("chart", "firstDay"));
        Assert.Equal("2022-08-19", browser.Data("chart", "lastDay"));
        Assert.Equal("2022-08-18", browser.Data("chart", "lastClosedDay"));

        var table = browser.Driver.FindElements(By.CssSelector("#days tbody tr")).Select(r => r.Text).ToList();
        Assert.StartsWith($"2022-08-19 (open) {HourlyBars.Price(days[new DateOnly(2022, 8, 19)].Mean)}", table[0], StringComparison.Ordinal);
        Assert.StartsWith($"2022-08-18 {HourlyBars.Price(days[new DateOnly(2022, 8, 18)].Mean)}", table[1], StringComparison.Ordinal);

        await browser.WaitForAsync("the forecast", () => browser.Data("forecast-value", "value"), v => v.Length > 0);
        Assert.Equal(forecast.Value, double.Parse(browser.Data("forecast-value", "value"), CultureInfo.InvariantCulture));
        Assert.Contains("mean close of 2022-08-19", browser.Text("forecast-date"), StringComparison.Ordinal);
        Assert.Equal("naive · v0", browser.Text("model-badge"));
        Assert.Equal(rows.Count.ToString(CultureInfo.InvariantCulture), browser.Data("stat-accepted", "value"));
        Assert.Equal("2022-08-19 12:00:00 UTC", browser.Text("stat-newest"));
        browser.KeepScreenshot("chart");
        Assert.DoesNotContain(browser.Log(), Browser.IsScriptError);
    }

    [Fact]
    public async Task Hovering_a_day_shows_its_open_high_low_and_close()
    {
        var rows = HourlyBars.Rows.Where(r => r.Timestamp >= HourlyBars.At(2022, 5, 1) && r.Timestamp < HourlyBars.At(2022, 6, 15)).ToList();
        var days = HourlyBars.Days(rows);
        await Upload.TicksAsync(silo, Symbol + "-HOVER", HourlyBars.Csv(rows));
        using var browser = new Browser(silo.BaseAddress);
        browser.Open($"/#{Symbol}-HOVER");
        browser.SignIn(TestKeys.Reader);
        await browser.WaitForAsync("every day on the chart", () => browser.Data("chart", "days"), n => n == days.Count.ToString(CultureInfo.InvariantCulture));

        var plot = browser.Driver.FindElement(By.CssSelector("#chart .u-over"));
        new Actions(browser.Driver).MoveToElement(plot).MoveByOffset(-plot.Size.Width / 4, 0).Perform();

        var (date, _) = await browser.WaitForAsync("a hovered day", () => browser.Data("hover", "date"), d => d.Length > 0);
        var day = days[DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)];
        var text = browser.Text("hover");
        browser.KeepScreenshot("hover");
        Assert.Contains($"mean {HourlyBars.Price(day.Mean)}", text, StringComparison.Ordinal);
        Assert.Contains($"open {HourlyBars.Price(day.Open)} · high {HourlyBars.Price(day.High)} · low {HourlyBars.Price(day.Low)} · close {HourlyBars.Price(day.Close)}", text, StringComparison.Ordinal);
        Assert.Contains($"{day.Ticks} ticks", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_symbol_picker_lists_the_symbols_held_and_switches_the_view_to_the_one_picked()
    {
        await Upload.TicksAsync(silo, "WEB-PICK-A", TestTicks.Json(TestTicks.Days(new DateOnly(2024, 1, 1), 3)));
        await Upload.TicksAsync(silo, "WEB-PICK-B", TestTicks.Json(TestTicks.Days(new DateOnly(2024, 2, 1), 5, start: 900)));
        var held = await HttpJson.GetAsync<string[]>(silo.Client(TestKeys.Reader), "/api/symbols");
        using var browser = new Browser(silo.BaseAddress);
        browser.Open("/#WEB-PICK-A");
        browser.SignIn(TestKeys.Reader);
        await browser.WaitForAsync("WEB-PICK-A's days", () => browser.Data("chart", "lastDay"), d => d == "2024-01-03");
        browser.MarkDocument();

        var options = browser.Driver.FindElements(By.CssSelector("#symbol option")).Select(o => o.GetAttribute("value")).ToList();
        browser.Driver.FindElement(By.Id("symbol")).Click();
        browser.Driver.FindElement(By.CssSelector("#symbol option[value='WEB-PICK-B']")).Click();

        await browser.WaitForAsync("WEB-PICK-B's days", () => browser.Data("chart", "lastDay"), d => d == "2024-02-05");
        await browser.WaitForAsync("WEB-PICK-B's forecast", () => browser.Text("forecast-date"), t => t.Contains("2024-02-05", StringComparison.Ordinal));
        Assert.Equal(held, options);
        Assert.Contains("WEB-PICK-A", options);
        Assert.Equal("5", browser.Data("chart", "days"));
        Assert.Equal("#WEB-PICK-B", browser.Script("return location.hash"));
        Assert.Equal("20", browser.Data("stat-accepted", "value"));
        Assert.True(browser.StillSameDocument(), "the page reloaded");
    }
}
