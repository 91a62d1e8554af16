using StreamPredictor.Grains.Tests.Support;
using StreamPredictor.Integration.Tests.Support;
using StreamPredictor.Ticks;

namespace StreamPredictor.Integration.Tests.Market;

/// <summary>Event time on the embedded profile, through the SDK: typos from the far future, backfills into the past.</summary>
[Collection(EmbeddedSiloCollection.Name)]
public sealed class EventTimeTests(EmbeddedSiloFixture fixture) : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_file_with_a_single_year_2097_row_then_a_normal_file_stores_every_normal_day()
    {
        const string symbol = "TYPO-2097";
        var typo = _files.Write("typo.csv", "timestamp,open,high,low,close,volume\n4014000000,10,10,10,10,1\n");

        var first = await fixture.Client.IngestAsync(symbol, ReadAll(typo));
        var second = await fixture.Client.IngestAsync(symbol, TickFiles.Ticks(SharedData.CoinbaseMinutes));

        Assert.Equal(1, first.Stats.RejectedByReason[TickRejectReason.Future]);
        Assert.Equal(0, first.Stats.Accepted);
        Assert.Equal(12_423, second.Stats.Accepted);
        Assert.Equal(TickFiles.Days(SharedData.CoinbaseMinutes), await fixture.Client.GetDaysAsync(symbol));
    }

    [Fact]
    public async Task A_backfill_into_a_symbol_with_newer_days_is_accepted_within_the_lateness_and_counted_too_late_beyond()
    {
        const string symbol = "BACKFILL";
        var ticks = TickFiles.Ticks(SharedData.CoinbaseMinutes);
        var days = TickFiles.Days(SharedData.CoinbaseMinutes);
        var lastDay = days[^1].Date;
        var recent = ticks.Where(t => t.Date >= lastDay.AddDays(-1)).ToArray();
        var older = ticks.Where(t => t.Date < lastDay.AddDays(-1)).ToArray();

        await fixture.Client.IngestAsync(symbol, recent);
        var backfill = await fixture.Client.IngestAsync(symbol, older);

        // The default lateness is one day: the day before the newest still takes late ticks, every older one is too late.
        Assert.Equal(older.Length, backfill.Stats.RejectedByReason[TickRejectReason.TooLate]);
        Assert.Equal(recent.Length, backfill.Stats.Accepted);
        Assert.Equal(days.TakeLast(2), await fixture.Client.GetDaysAsync(symbol));
    }

    private static Tick[] ReadAll(string path)
    {
        using var reader = TickReader.Open(path);
        return [.. reader.ReadBatches(4096).SelectMany(b => b)];
    }
}
