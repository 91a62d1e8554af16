using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using StreamPredictor.Grains.Market;
using StreamPredictor.Grains.Storage;
using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Grains.Tests.Storage;

/// <summary>
/// What Orleans asks of a grain storage provider, on real SQLite files: each storage instance has its own connection,
/// as each silo of a cluster sharing one file does.
/// </summary>
public sealed class SqliteGrainStorageTests : IDisposable
{
    private static readonly IGrainStorageSerializer Serializer =
        new OrleansGrainStorageSerializer(new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    private static readonly GrainId Grain = GrainId.Create("test", "grain");

    private readonly TempFiles _files = new();
    private readonly List<SqliteGrainStorage> _stores = [];

    public void Dispose()
    {
        _stores.ForEach(s => s.Dispose());
        _files.Dispose();
    }

    [Fact]
    public async Task A_missing_record_reads_as_new_and_a_written_one_reads_back_from_another_connection()
    {
        var missing = new GrainState<DailyBookState>(new DailyBookState());
        await Store().ReadStateAsync("recent", Grain, missing);
        var written = new GrainState<DailyBookState>(new DailyBookState { Accepted = 42, NewestDay = 7 });
        await Store().WriteStateAsync("recent", Grain, written);

        var read = new GrainState<DailyBookState>(new DailyBookState());
        await Store().ReadStateAsync("recent", Grain, read);
        var otherName = new GrainState<DailyBookState>(new DailyBookState());
        await Store().ReadStateAsync("other", Grain, otherName);

        Assert.False(missing.RecordExists);
        Assert.Null(missing.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal((42, 7), (read.State!.Accepted, read.State.NewestDay));
        Assert.False(otherName.RecordExists);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_or_none_is_refused_and_changes_nothing()
    {
        var first = await ReadAsync(Store());
        var second = await ReadAsync(Store());
        first.State!.Accepted = 1;
        await Store().WriteStateAsync("recent", Grain, first);

        second.State!.Accepted = 2;
        await Assert.ThrowsAsync<InconsistentStateException>(() => Store().WriteStateAsync("recent", Grain, second));
        var blind = new GrainState<DailyBookState>(new DailyBookState { Accepted = 3 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => Store().WriteStateAsync("recent", Grain, blind));

        Assert.Equal(1, (await ReadAsync(Store())).State!.Accepted);
    }

    [Fact]
    public async Task A_cleared_record_reads_as_missing_and_its_etag_is_never_handed_out_again()
    {
        var holder = await ReadAsync(Store());
        holder.State!.Accepted = 1;
        await Store().WriteStateAsync("recent", Grain, holder);
        var stale = await ReadAsync(Store());

        await Store().ClearStateAsync("recent", Grain, holder);
        var cleared = await ReadAsync(Store());
        await Store().WriteStateAsync("recent", Grain, new GrainState<DailyBookState>(new DailyBookState { Accepted = 5 }, cleared.ETag) { RecordExists = false });

        // The reader of the first version must not be able to write over the second one.
        stale.State!.Accepted = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => Store().WriteStateAsync("recent", Grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Store().ClearStateAsync("recent", Grain, stale));
        Assert.False(cleared.RecordExists);
        Assert.Equal(0, cleared.State!.Accepted);
        Assert.Equal(5, (await ReadAsync(Store())).State!.Accepted);
    }

    [Fact]
    public async Task Concurrent_writers_on_separate_connections_lose_no_update()
    {
        const int Writers = 4;
        const int Increments = 50;
        var stores = Enumerable.Range(0, Writers).Select(_ => Store()).ToArray();

        await Task.WhenAll(stores.Select(store => Task.Run(async () =>
        {
            for (var done = 0; done < Increments;)
            {
                var state = await ReadAsync(store);
                state.State!.Accepted++;
                try
                {
                    await store.WriteStateAsync("recent", Grain, state);
                    done++;
                }
                catch (InconsistentStateException)
                {
                    // Another writer got there first: read again and retry, as a grain does.
                }
            }
        })));

        Assert.Equal(Writers * Increments, (await ReadAsync(Store())).State!.Accepted);
    }

    [Theory]
    [InlineData(SqliteSynchronous.Full, "2")]
    [InlineData(SqliteSynchronous.Normal, "1")]
    public void The_connection_runs_with_the_synchronous_mode_asked_for(SqliteSynchronous mode, string pragma)
    {
        var store = Store(mode);

        Assert.Equal(pragma, store.Pragma("synchronous"));
        Assert.Equal("wal", store.Pragma("journal_mode"));
    }

    [Fact]
    public void Full_synchronous_mode_is_the_default()
    {
        Assert.Equal(SqliteSynchronous.Full, new SqliteStorageOptions().Synchronous);
        Assert.Equal("2", Store().Pragma("synchronous"));
    }

    private SqliteGrainStorage Store(SqliteSynchronous? synchronous = null)
    {
        var options = new SqliteStorageOptions { DatabasePath = _files.PathOf("stream.db") };
        if (synchronous is { } mode)
        {
            options.Synchronous = mode;
        }

        var store = new SqliteGrainStorage("test", options, Serializer);
        _stores.Add(store);
        return store;
    }

    private static async Task<GrainState<DailyBookState>> ReadAsync(SqliteGrainStorage store)
    {
        var state = new GrainState<DailyBookState>(new DailyBookState());
        await store.ReadStateAsync("recent", Grain, state);
        return state;
    }
}
