using StreamPredictor.Api.Hosting;

namespace StreamPredictor.Api.Tests.Web;

/// <summary>
/// The page's files are served at <c>/</c> without credentials (they hold no data), with a content security policy
/// that allows only this origin's scripts and no framing; everything else still needs a key.
/// </summary>
[Collection(ApiSiloCollection.Name)]
public sealed class StaticPageTests(ApiSilo silo)
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/index.html", "text/html")]
    [InlineData("/style.css", "text/css")]
    [InlineData("/js/main.js", "text/javascript")]
    [InlineData("/js/chart.js", "text/javascript")]
    [InlineData("/vendor/uplot/uPlot.iife.min.js", "text/javascript")]
    [InlineData("/vendor/uplot/uPlot.min.css", "text/css")]
    public async Task The_page_and_its_files_are_served_without_credentials(string path, string mediaType)
    {
        using var anonymous = silo.Client();

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(StreamWebPage.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl?.NoCache, "the page must be revalidated, so a new build is seen at once");
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 500);
    }

    [Fact]
    public async Task The_page_references_only_files_it_serves()
    {
        using var anonymous = silo.Client();
        var html = await anonymous.GetStringAsync("/");
        var references = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value)
            .Where(r => !r.StartsWith("data:", StringComparison.Ordinal)).ToList();

        Assert.Equal(["vendor/uplot/uPlot.min.css", "style.css", "vendor/uplot/uPlot.iife.min.js", "js/main.js"], references);
        foreach (var reference in references)
        {
            using var response = await anonymous.GetAsync("/" + reference);
            Assert.True(response.IsSuccessStatusCode, $"{reference}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/nothing-here.js")]
    [InlineData("/api/symbols")]
    [InlineData("/js/")]
    public async Task Anything_but_the_page_still_needs_credentials(string path)
    {
        using var anonymous = silo.Client();

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
