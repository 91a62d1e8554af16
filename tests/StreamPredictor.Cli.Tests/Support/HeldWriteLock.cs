using Microsoft.Data.Sqlite;

namespace StreamPredictor.Cli.Tests.Support;

/// <summary>An open immediate transaction on a SQLite file: no other connection can commit until it is disposed.</summary>
public sealed class HeldWriteLock(SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
