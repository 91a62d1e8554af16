using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using StreamPredictor.Grains.Storage;
using StreamPredictor.Integration.Tests.Support;

namespace StreamPredictor.Integration.Tests.Market;

[Collection(EmbeddedSiloCollection.Name)]
public sealed class EmbeddedStorageTests(EmbeddedSiloFixture fixture)
{
    [Fact]
    public void The_embedded_profile_syncs_every_commit_to_disk()
    {
        var storage = Assert.IsType<SqliteGrainStorage>(fixture.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default));

        Assert.Equal("2", storage.Pragma("synchronous"));
        Assert.Equal("wal", storage.Pragma("journal_mode"));
    }
}
