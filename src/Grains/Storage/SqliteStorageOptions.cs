namespace StreamPredictor.Grains.Storage;

/// <summary>Where the embedded profile keeps grain state.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The SQLite database file; created with its folder when missing.</summary>
    public string DatabasePath { get; set; } = "";
}
