using StreamPredictor.Abstractions.Sources;
using StreamPredictor.Api.Contracts;

namespace StreamPredictor.Api.Tests;

/// <summary>The live sources of a symbol over HTTP: each source's newest report, with its age; stale and old reports handled.</summary>
[Collection(ApiSiloCollection.Name)]
public sealed class SourceStatusTests(ApiSilo silo)
{
    [Fact]
    public async Task Each_source_shows_its_newest_report_and_an_older_one_arriving_late_changes_nothing()
    {
        const string symbol = "SOURCES-TWO";
        var grain = silo.Grains.GetGrain<ISourceStatusGrain>(symbol);
        var now = DateTimeOffset.UtcNow;
        using var reader = silo.Client(TestKeys.Reader);
        Assert.Empty(await HttpJson.GetAsync<LiveSource[]>(reader, $"/api/symbols/{symbol}/sources"));

        await grain.ReportAsync(new SourceReport("replay:a.csv", true, now.AddDays(-400), 10, 0, 0, 0, 0, now.AddSeconds(-30)));
        await grain.ReportAsync(new SourceReport("bitstamp:btcusd", true, now, 600, 1, 2, 41, 3, now));
        await grain.ReportAsync(new SourceReport("bitstamp:btcusd", false, now.AddMinutes(-5), 500, 0, 0, 0, 0, now.AddMinutes(-5)));
        await grain.ReportAsync(new SourceReport("replay:old.csv", true, null, 1, 0, 0, 0, 0, now - ISourceStatusGrain.ForgetAfter - TimeSpan.FromMinutes(1)));
        var sources = await Eventually.MatchesAsync(
            "two sources listed", () => HttpJson.GetAsync<LiveSource[]>(reader, $"/api/symbols/{symbol}/sources"), s => s.Length == 2);

        Assert.Equal(["bitstamp:btcusd", "replay:a.csv"], sources.Select(s => s.Source));
        Assert.Equal((true, 600L, 1L, 2L, 41L, 3L), (sources[0].Connected, sources[0].Published, sources[0].Reconnects, sources[0].GapsRepaired, sources[0].MinutesRepaired, sources[0].BadInput));
        Assert.InRange(sources[1].ReportAgeSeconds, 29, 600);
        Assert.Equal(now.AddDays(-400), sources[1].LastTickTime);
    }
}
