namespace StreamPredictor.Grains.Storage;

/// <summary>SQLite's <c>synchronous</c> setting for the grain state file (WAL journal).</summary>
public enum SqliteSynchronous
{
    /// <summary>A killed process loses nothing committed; a power cut or OS crash may lose the last commits.</summary>
    Normal = 1,

    /// <summary>Every commit is synced to disk before it returns: nothing acknowledged is lost even to a power cut.</summary>
    Full = 2,
}
