namespace StreamPredictor.Grains.Storage;

/// <summary>Where and how the embedded profile keeps grain state.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The SQLite database file; created with its folder when missing.</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>Durability of each commit: <see cref="SqliteSynchronous.Full"/> (the default) syncs every write to disk.</summary>
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Full;
}
