using StreamPredictor.Grains.Storage;
using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Grains.Tests.Storage;

/// <summary>The embedded profile's reminder table on a real SQLite file: what Orleans' reminder service relies on.</summary>
public sealed class SqliteReminderTableTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_row_reads_back_as_written_and_after_the_file_is_reopened()
    {
        var grain = Trainer("BTCUSD/lstm");
        string? etag;
        using (var table = Open())
        {
            etag = await table.UpsertRow(Entry(grain, "train", TimeSpan.FromHours(6)));
        }

        using var reopened = Open();
        var row = await reopened.ReadRow(grain, "train");

        Assert.NotNull(etag);
        Assert.Equal((grain, "train", Start, TimeSpan.FromHours(6), etag), (row!.GrainId, row.ReminderName, row.StartAt, row.Period, row.ETag));
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Null(await reopened.ReadRow(grain, "other"));
        Assert.Single((await reopened.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task An_upsert_replaces_the_row_and_gives_a_new_etag()
    {
        using var table = Open();
        var grain = Trainer("ETH/gru");
        var first = await table.UpsertRow(Entry(grain, "train", TimeSpan.FromHours(1)));

        var second = await table.UpsertRow(Entry(grain, "train", TimeSpan.FromHours(2)));

        Assert.NotEqual(first, second);
        var row = Assert.Single((await table.ReadRows(grain)).Reminders);
        Assert.Equal((TimeSpan.FromHours(2), second), (row.Period, row.ETag));
    }

    [Fact]
    public async Task A_removal_needs_the_current_etag_and_an_etag_is_never_reused()
    {
        using var table = Open();
        var grain = Trainer("SOL/mlp-seed");
        var stale = await table.UpsertRow(Entry(grain, "train", TimeSpan.FromHours(1)));
        var current = await table.UpsertRow(Entry(grain, "train", TimeSpan.FromHours(1)));

        Assert.False(await table.RemoveRow(grain, "train", stale!));
        Assert.NotNull(await table.ReadRow(grain, "train"));
        Assert.True(await table.RemoveRow(grain, "train", current!));
        Assert.Null(await table.ReadRow(grain, "train"));
        Assert.False(await table.RemoveRow(grain, "train", current!));

        var again = await table.UpsertRow(Entry(grain, "train", TimeSpan.FromHours(1)));
        Assert.DoesNotContain(again, new[] { stale, current });
        Assert.False(await table.RemoveRow(grain, "train", current!));
    }

    [Fact]
    public async Task Ring_ranges_select_by_the_grains_uniform_hash_including_ranges_that_wrap()
    {
        using var table = Open();
        var grains = Enumerable.Range(0, 40).Select(i => Trainer($"SYM{i}/lstm")).ToArray();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "train", TimeSpan.FromMinutes(5)));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToArray();
        var (low, high) = (hashes[10], hashes[30]);

        var inside = await Select(table, low, high);
        var wrapped = await Select(table, high, low);
        var everything = await Select(table, 0, 0);

        Assert.Equal(grains.Where(g => g.GetUniformHashCode() > low && g.GetUniformHashCode() <= high).ToHashSet(), inside);
        Assert.Equal(20, inside.Count);
        Assert.Equal(grains.Where(g => g.GetUniformHashCode() > high || g.GetUniformHashCode() <= low).ToHashSet(), wrapped);
        Assert.Equal(grains.Length, inside.Count + wrapped.Count);
        Assert.Equal(grains.ToHashSet(), everything);
    }

    [Fact]
    public async Task Two_tables_on_one_file_see_each_others_rows()
    {
        using var first = Open();
        using var second = Open();
        var grain = Trainer("SHARED/lstm");

        var etag = await first.UpsertRow(Entry(grain, "train", TimeSpan.FromHours(1)));

        Assert.Equal(etag, (await second.ReadRow(grain, "train"))!.ETag);
        Assert.True(await second.RemoveRow(grain, "train", etag!));
        Assert.Empty((await first.ReadRows(grain)).Reminders);
    }

    private static async Task<HashSet<GrainId>> Select(SqliteReminderTable table, uint begin, uint end) =>
        (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId).ToHashSet();

    private static GrainId Trainer(string key) => GrainId.Create("trainer", key);

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = Start, Period = period };

    private SqliteReminderTable Open() => new(new SqliteStorageOptions { DatabasePath = _files.PathOf("stream.db") });
}
