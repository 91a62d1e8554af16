using OpenQA.Selenium;

namespace StreamPredictor.Api.Tests.Web;

/// <summary>The page behind the API's authentication: no data without a key the API accepts with the read scope.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class SignInTests(ApiSilo silo)
{
    private const string Symbol = "WEB-LOCKED";

    [Fact]
    public async Task Without_a_key_the_page_shows_no_data_and_asks_for_one()
    {
        await Upload.TicksAsync(silo, Symbol, TestTicks.Json(TestTicks.Days(new DateOnly(2024, 2, 1), 3)));
        using var browser = new Browser(silo.BaseAddress);
        browser.Open();

        await browser.WaitForAsync("the sign-in form", () => browser.Visible("key"), v => v);
        AssertNoData(browser);
        Assert.Equal(0L, browser.Script("return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/')).length"));
    }

    [Fact]
    public async Task A_key_the_api_refuses_or_one_without_the_read_scope_shows_why_and_no_data()
    {
        await Upload.TicksAsync(silo, Symbol, TestTicks.Json(TestTicks.Days(new DateOnly(2024, 2, 1), 3)));
        using var browser = new Browser(silo.BaseAddress);
        browser.Open();

        browser.SignIn(TestKeys.Unknown);
        var (unknown, _) = await browser.WaitForAsync("the refusal of an unknown key", () => browser.Text("login-error"), t => t.Contains("401", StringComparison.Ordinal));
        AssertNoData(browser);

        browser.SignIn(TestKeys.Writer);
        var (writeOnly, _) = await browser.WaitForAsync("the refusal of a key without stream:read", () => browser.Text("login-error"), t => t.Contains("403", StringComparison.Ordinal));
        AssertNoData(browser);
        Assert.Contains("did not accept", unknown, StringComparison.Ordinal);
        Assert.Contains("stream:read", writeOnly, StringComparison.Ordinal);
        Assert.Null(browser.Script("return sessionStorage.getItem('stream.credential')"));
    }

    [Fact]
    public async Task A_bearer_token_with_the_read_scope_signs_in_like_a_key()
    {
        await Upload.TicksAsync(silo, Symbol, TestTicks.Json(TestTicks.Days(new DateOnly(2024, 2, 1), 3)));
        using var browser = new Browser(silo.BaseAddress);
        browser.Open($"/#{Symbol}");

        browser.SignIn(TestTokens.Create("stream:read"));

        await browser.WaitForAsync("the symbol picker", () => SymbolOptions(browser), o => o.Contains(Symbol));
        await browser.WaitForAsync($"{Symbol}'s days on the chart", () => browser.Data("chart", "lastDay"), d => d == "2024-02-03");
        Assert.False(browser.Visible("login"));
    }

    private static void AssertNoData(Browser browser)
    {
        Assert.True(browser.Visible("login"));
        Assert.False(browser.Visible("view"));
        Assert.Empty(SymbolOptions(browser));
        Assert.Equal("", browser.Data("chart", "days"));
        Assert.DoesNotContain(Symbol, browser.Driver.FindElement(By.TagName("body")).Text, StringComparison.Ordinal);
    }

    private static List<string> SymbolOptions(Browser browser) =>
        [.. browser.Driver.FindElements(By.CssSelector("#symbol option")).Select(o => o.GetAttribute("value") ?? "")];
}
