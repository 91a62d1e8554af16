using System.Globalization;
using Microsoft.Data.Sqlite;

namespace StreamPredictor.Grains.Storage;

/// <summary>
/// Orleans reminders in a table of the embedded profile's SQLite file, so a schedule survives a restart. A row per
/// (grain, reminder) with the grain's uniform hash (for the reminder service's ring ranges), the first tick and period
/// in ticks, and an ETag that is a fresh GUID on every upsert: a removal must name the row's current ETag, and an ETag
/// is never reused, not even after the row is removed and added again. synchronous=FULL: reminders change rarely, and a
/// schedule the caller was told is saved must survive a power cut.
/// </summary>
public sealed class SqliteReminderTable : IReminderTable, IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        CREATE TABLE IF NOT EXISTS reminders (
            grain_id      TEXT    NOT NULL,
            reminder_name TEXT    NOT NULL,
            grain_hash    INTEGER NOT NULL,
            start_at      INTEGER NOT NULL,
            period        INTEGER NOT NULL,
            etag          TEXT    NOT NULL,
            PRIMARY KEY (grain_id, reminder_name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (grain_hash);
        """;

    private const string Columns = "grain_id, reminder_name, start_at, period, etag";

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SqliteReminderTable(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        ReadAsync($"SELECT {Columns} FROM reminders WHERE grain_id = $grain", c => c.Parameters.AddWithValue("$grain", grainId.ToString()));

    /// <summary>Rows whose grain hash is in the ring range (begin, end]; when begin ≥ end the range wraps past zero.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        ReadAsync(
            begin < end
                ? $"SELECT {Columns} FROM reminders WHERE grain_hash > $begin AND grain_hash <= $end"
                : $"SELECT {Columns} FROM reminders WHERE grain_hash > $begin OR grain_hash <= $end",
            c =>
            {
                c.Parameters.AddWithValue("$begin", (long)begin);
                c.Parameters.AddWithValue("$end", (long)end);
            });

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await ReadAsync($"SELECT {Columns} FROM reminders WHERE grain_id = $grain AND reminder_name = $name", c =>
        {
            c.Parameters.AddWithValue("$grain", grainId.ToString());
            c.Parameters.AddWithValue("$name", reminderName);
        });
        return rows.Reminders.SingleOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = Guid.NewGuid().ToString("N");
        await _gate.WaitAsync();
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                INSERT INTO reminders (grain_id, reminder_name, grain_hash, start_at, period, etag)
                VALUES ($grain, $name, $hash, $start, $period, $etag)
                ON CONFLICT (grain_id, reminder_name) DO UPDATE SET
                    grain_hash = excluded.grain_hash, start_at = excluded.start_at, period = excluded.period, etag = excluded.etag
                """;
            command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
            command.Parameters.AddWithValue("$name", entry.ReminderName);
            command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("$start", entry.StartAt.ToUniversalTime().Ticks);
            command.Parameters.AddWithValue("$period", entry.Period.Ticks);
            command.Parameters.AddWithValue("$etag", etag);
            command.ExecuteNonQuery();
            entry.ETag = etag;
            return etag;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        await _gate.WaitAsync();
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM reminders WHERE grain_id = $grain AND reminder_name = $name AND etag = $etag";
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            command.Parameters.AddWithValue("$name", reminderName);
            command.Parameters.AddWithValue("$etag", eTag);
            return command.ExecuteNonQuery() == 1;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task TestOnlyClearTable()
    {
        await _gate.WaitAsync();
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM reminders";
            command.ExecuteNonQuery();
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

    private async Task<ReminderTableData> ReadAsync(string sql, Action<SqliteCommand> bind)
    {
        await _gate.WaitAsync();
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            bind(command);
            using var reader = command.ExecuteReader();
            var entries = new List<ReminderEntry>();
            while (reader.Read())
            {
                entries.Add(new ReminderEntry
                {
                    GrainId = GrainId.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
                    ReminderName = reader.GetString(1),
                    StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                    Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                    ETag = reader.GetString(4),
                });
            }

            return new ReminderTableData(entries);
        }
        finally
        {
            _gate.Release();
        }
    }
}
