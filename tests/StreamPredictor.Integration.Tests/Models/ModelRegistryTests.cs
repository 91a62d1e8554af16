using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using StreamPredictor.Grains;
using StreamPredictor.Grains.Storage;
using StreamPredictor.Integration.Tests.Support;

namespace StreamPredictor.Integration.Tests.Models;

/// <summary>Issue 7 item 12 and the automatic activation of item 19: the registry's state is what is stored, and nothing else.</summary>
[Collection(ModelsCollection.Name)]
public sealed class ModelRegistryTests(ModelsFixture fixture)
{
    [Fact]
    public async Task A_version_that_beats_the_active_model_on_the_same_days_is_activated()
    {
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>("AUTO-BEATS");

        var registered = await registry.RegisterAsync(TestModels.Version("mlp-seed", mae: 10), TestModels.Mlp, comparedWithVersion: 0, activateIfBetterThanMae: 20);

        Assert.True(registered.Active);
        Assert.Equal(registered.Version, (await registry.GetActiveAsync())!.Version.Version);
        Assert.Equal(TestModels.Mlp, (await registry.GetActiveAsync())!.Blob);
    }

    [Fact]
    public async Task A_version_that_loses_is_kept_but_not_activated()
    {
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>("AUTO-LOSES");

        var registered = await registry.RegisterAsync(TestModels.Version("mlp-seed", mae: 30), TestModels.Mlp, comparedWithVersion: 0, activateIfBetterThanMae: 20);

        Assert.False(registered.Active);
        Assert.Null(await registry.GetActiveAsync());
        Assert.Equal([registered.Version], (await registry.ListAsync()).Select(v => v.Version));
    }

    [Fact]
    public async Task A_version_measured_against_a_model_no_longer_active_is_not_activated()
    {
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>("AUTO-CHANGED");
        var first = await registry.RegisterAsync(TestModels.Version("mlp-seed", mae: 50), TestModels.Mlp, 0, null);
        await registry.ActivateAsync(first.Version);

        var measuredAgainstNaive = await registry.RegisterAsync(TestModels.Version("mlp-seed", mae: 1), TestModels.Mlp, comparedWithVersion: 0, activateIfBetterThanMae: 20);

        Assert.False(measuredAgainstNaive.Active);
        Assert.Equal(first.Version, (await registry.GetActiveAsync())!.Version.Version);
    }

    [Fact]
    public async Task A_registration_whose_write_fails_is_never_seen_and_its_number_never_names_another_model()
    {
        const string symbol = "REG-LOST-WRITE";
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>(symbol);
        var first = await registry.RegisterAsync(TestModels.Version("mlp-seed", mae: 50), TestModels.Mlp, 0, null);
        var held = StorageFaults.HoldNextWrite(symbol, "models");

        var lost = registry.RegisterAsync(TestModels.Version("mlp-seed", mae: 5), TestModels.Mlp, comparedWithVersion: 0, activateIfBetterThanMae: 50);
        await held.Reached;
        var seenDuringWrite = await registry.ListAsync();
        var activeDuringWrite = await registry.GetActiveAsync();
        held.Fail();
        await Assert.ThrowsAnyAsync<Exception>(() => lost);
        var seenAfterFailure = await registry.ListAsync();
        await fixture.Cluster.DeactivateAsync(registry);
        var next = await registry.RegisterAsync(TestModels.Version("mlp-seed", mae: 40), TestModels.Mlp, 0, null);

        Assert.Equal([first.Version], seenDuringWrite.Select(v => v.Version));
        Assert.Null(activeDuringWrite);
        Assert.Equal([first.Version], seenAfterFailure.Select(v => v.Version));
        var final = await registry.ListAsync();
        Assert.Equal([first.Version, next.Version], final.Select(v => v.Version));
        Assert.Equal(40, final[^1].Mae);
        Assert.Null(await registry.GetActiveAsync());
    }

    [Fact]
    public async Task Each_version_is_its_own_record_and_the_registry_record_stays_small()
    {
        const string symbol = "REG-RECORDS";
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>(symbol);
        var blobs = new[] { TestModels.Mlp, TestModels.Train("mlp-seed", epochs: 1), TestModels.Train("mlp-seed", epochs: 3) };

        var versions = new List<ModelVersion>();
        foreach (var blob in blobs)
        {
            var heldOut = Enumerable.Range(0, 60).Select(i => 60_000 + (i * 17.25)).ToArray();
            versions.Add(await registry.RegisterAsync(TestModels.Version("mlp-seed", mae: 10) with { HeldOutForecasts = heldOut, Silo = "S127.0.0.1:11111:123456789" }, blob, 0, null));
        }

        var rows = await RowSizesAsync(symbol);
        var registryRow = Assert.Single(rows, r => r.State == "models");
        Assert.True(registryRow.Bytes < 1024 * blobs.Length, $"the registry record holds {registryRow.Bytes} bytes for {blobs.Length} versions with 60 held-out forecasts each");
        Assert.Equal(blobs.Length, rows.Count(r => r.Bytes >= blobs.Min(b => b.Length)));
        await fixture.Cluster.DeactivateAsync(registry);
        foreach (var (version, blob) in versions.Zip(blobs))
        {
            await registry.ActivateAsync(version.Version);
            Assert.Equal(blob, (await registry.GetActiveAsync())!.Blob);
        }
    }

    [Fact]
    public async Task Versions_stored_inline_by_an_older_registry_move_to_records_of_their_own()
    {
        const string symbol = "REG-INLINE";
        var registry = fixture.Grains.GetGrain<IModelRegistryGrain>(symbol);
        var second = TestModels.Train("mlp-seed", epochs: 1);
        var legacy = new ModelRegistryState
        {
            Models = [new(TestModels.Version("mlp-seed", 30) with { Version = 1 }, TestModels.Mlp), new(TestModels.Version("mlp-seed", 20) with { Version = 2 }, second)],
            ActiveVersion = 2,
        };
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        await storage.WriteStateAsync("models", registry.GetGrainId(), new GrainState<ModelRegistryState>(legacy));

        var listed = await registry.ListAsync();

        Assert.Equal([(1, false, 30.0), (2, true, 20.0)], listed.Select(v => (v.Version, v.Active, v.Mae)));
        Assert.Equal(second, (await registry.GetActiveAsync())!.Blob);
        Assert.True(Assert.Single(await RowSizesAsync(symbol), r => r.State == "models").Bytes < TestModels.Mlp.Length / 4);
        Assert.Equal(3, (await registry.RegisterAsync(TestModels.Version("mlp-seed", 10), TestModels.Mlp, 0, null)).Version);
        await registry.ActivateAsync(1);
        Assert.Equal(TestModels.Mlp, (await registry.GetActiveAsync())!.Blob);
    }

    /// <summary>The stored records of grains keyed by the symbol or SYMBOL/..., read from the SQLite file itself.</summary>
    private async Task<List<(string Grain, string State, long Bytes)>> RowSizesAsync(string symbol)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_id, state_name, length(payload) FROM grain_state WHERE grain_id LIKE $exact OR grain_id LIKE $under";
        command.Parameters.AddWithValue("$exact", $"%/{symbol}");
        command.Parameters.AddWithValue("$under", $"%/{symbol}/%");
        var rows = new List<(string, string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return rows;
    }
}
