using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace StreamPredictor.Grains.Storage;

public static class SqliteStorageExtensions
{
    /// <summary>Registers a named grain storage provider backed by the SQLite file at <paramref name="databasePath"/>.</summary>
    public static IServiceCollection AddSqliteGrainStorage(
        this IServiceCollection services, string name, string databasePath, SqliteSynchronous synchronous = SqliteSynchronous.Full) =>
        services.AddGrainStorage(name, (provider, providerName) => new SqliteGrainStorage(
            providerName,
            new SqliteStorageOptions { DatabasePath = databasePath, Synchronous = synchronous },
            new OrleansGrainStorageSerializer(provider.GetRequiredService<Serializer>())));
}
