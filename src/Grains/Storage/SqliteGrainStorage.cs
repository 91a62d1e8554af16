using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace StreamPredictor.Grains.Storage;

/// <summary>
/// Grain state in one SQLite file: a row per (grain, state name) holding the serialized state and an integer
/// ETag. Writes check the ETag the grain last read, so two activations of one grain cannot overwrite each
/// other silently (the loser gets <see cref="InconsistentStateException"/>). Clearing keeps the row with an empty
/// payload and a new ETag, so an ETag is never handed out twice for one row. WAL journal with synchronous FULL by
/// default (<see cref="SqliteStorageOptions.Synchronous"/>): an acknowledged write survives a killed process and a
/// power cut. One connection, used by one caller at a time: SQLite serialises writers anyway.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_id    TEXT    NOT NULL,
            state_name  TEXT    NOT NULL,
            etag        INTEGER NOT NULL,
            payload     BLOB    NOT NULL,
            written_utc TEXT    NOT NULL,
            PRIMARY KEY (grain_id, state_name)
        ) WITHOUT ROWID;
        """;

    private readonly string _name;
    private readonly IGrainStorageSerializer _serializer;
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SqliteGrainStorage(string name, SqliteStorageOptions options, IGrainStorageSerializer serializer)
    {
        _name = name;
        _serializer = serializer;
        var path = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = Schema + $"PRAGMA synchronous = {(int)options.Synchronous};";
        command.ExecuteNonQuery();
    }

    /// <summary>The value of a PRAGMA on this storage's connection (for diagnostics and tests), e.g. "synchronous".</summary>
    public string Pragma(string name)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetter(c) || c == '_'))
        {
            throw new ArgumentException($"'{name}' is not a PRAGMA name", nameof(name));
        }

        _gate.Wait();
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _gate.WaitAsync();
        try
        {
            using var command = Command("SELECT etag, payload FROM grain_state WHERE grain_id = $grain AND state_name = $state", stateName, grainId);
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                var payload = (byte[])reader.GetValue(1);
                grainState.ETag = reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
                grainState.RecordExists = payload.Length > 0;
                grainState.State = payload.Length > 0 ? _serializer.Deserialize<T>(new BinaryData(payload)) : Activator.CreateInstance<T>();
            }
            else
            {
                grainState.ETag = null;
                grainState.RecordExists = false;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _serializer.Serialize(grainState.State).ToArray();
        await _gate.WaitAsync();
        try
        {
            using var command = grainState.ETag is null
                ? Command("""
                    INSERT INTO grain_state (grain_id, state_name, etag, payload, written_utc) VALUES ($grain, $state, 1, $payload, $now)
                    ON CONFLICT DO NOTHING RETURNING etag
                    """, stateName, grainId)
                : Command("""
                    UPDATE grain_state SET etag = etag + 1, payload = $payload, written_utc = $now
                    WHERE grain_id = $grain AND state_name = $state AND etag = $etag RETURNING etag
                    """, stateName, grainId, grainState.ETag);
            command.Parameters.AddWithValue("$payload", payload);
            command.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("O"));
            var etag = command.ExecuteScalar() ?? throw Conflict(stateName, grainId, grainState.ETag);
            grainState.ETag = Convert.ToString(etag, System.Globalization.CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _gate.WaitAsync();
        try
        {
            if (grainState.ETag is null)
            {
                // Nothing read, so nothing may be cleared: fine when there is no record (or only a cleared one).
                using var probe = Command("SELECT length(payload) FROM grain_state WHERE grain_id = $grain AND state_name = $state", stateName, grainId);
                if (probe.ExecuteScalar() is long length && length > 0)
                {
                    throw Conflict(stateName, grainId, null);
                }
            }
            else
            {
                using var command = Command("""
                    UPDATE grain_state SET etag = etag + 1, payload = x'', written_utc = $now
                    WHERE grain_id = $grain AND state_name = $state AND etag = $etag RETURNING etag
                    """, stateName, grainId, grainState.ETag);
                command.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("O"));
                var etag = command.ExecuteScalar() ?? throw Conflict(stateName, grainId, grainState.ETag);
                grainState.ETag = Convert.ToString(etag, System.Globalization.CultureInfo.InvariantCulture);
            }

            grainState.RecordExists = false;
            grainState.State = Activator.CreateInstance<T>();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _connection.Dispose();
        _gate.Dispose();
    }

    private SqliteCommand Command(string sql, string stateName, GrainId grainId, string? etag = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$state", stateName);
        if (etag is not null)
        {
            command.Parameters.AddWithValue("$etag", long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture));
        }

        return command;
    }

    private InconsistentStateException Conflict(string stateName, GrainId grainId, string? etag) =>
        new($"{_name}: state '{stateName}' of {grainId} was written by someone else since it was read", etag ?? "(none)", "(newer)");
}
