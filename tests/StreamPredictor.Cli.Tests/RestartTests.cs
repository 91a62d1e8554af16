using System.Diagnostics;
using Microsoft.Data.Sqlite;
using StreamPredictor.Cli.Tests.Support;
using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Cli.Tests;

public sealed class RestartTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task An_embedded_silo_killed_mid_ingest_restarts_with_exact_closed_days_and_the_file_sent_again_completes_them()
    {
        var file = SharedData.PathOf(SharedData.BinanceMinutes);
        var data = _files.PathOf("silo-data");
        var daily = await CliRun.RunAsync("daily", file);
        string[] ingest = ["ingest", file, "--symbol", "BTCUSDT", "--embedded", "--data", data];

        using (var first = StreamProcess.Start([.. ingest, "--batch", "256"]))
        {
            var error = first.StandardError.ReadToEndAsync();

            // Once closed days are stored, the test takes SQLite's write lock and keeps it: no further batch can be
            // committed, so the ingest cannot finish before it is killed.
            await using (await FreezeOnceClosedDaysAreStoredAsync(Path.Combine(data, "stream.db"), first, TimeSpan.FromMinutes(3)))
            {
                Assert.False(first.HasExited, "the ingest finished before it could be frozen");
                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync();
            }

            Assert.DoesNotContain("ticks accepted", await error, StringComparison.Ordinal);
        }

        // After the restart and before anything is sent again: what was stored is whole days, exactly as stream daily makes them.
        var restarted = await StreamProcess.RunAsync(TimeSpan.FromMinutes(2), "days", "--symbol", "BTCUSDT", "--embedded", "--data", data, "--closed-only");
        Assert.Equal(0, restarted.ExitCode);
        var stored = restarted.OutLines[1..];
        var expected = daily.OutLines[1..];
        Assert.NotEmpty(stored);
        Assert.True(stored.Length < expected.Length, $"{stored.Length} of {expected.Length} days stored: the kill came after the whole file");
        Assert.Equal(daily.OutLines[0], restarted.OutLines[0]);
        Assert.All(stored, line => Assert.Contains(line, expected));

        var second = await StreamProcess.RunAsync(TimeSpan.FromMinutes(5), ingest);
        var days = await StreamProcess.RunAsync(TimeSpan.FromMinutes(2), "days", "--symbol", "BTCUSDT", "--embedded", "--data", data);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("ticks accepted", second.Error, StringComparison.Ordinal);
        Assert.Equal(0, days.ExitCode);
        Assert.Equal(daily.Out, days.Out);
    }

    /// <summary>
    /// Polls the database under its write lock until a monthly history record exists, then returns holding the lock
    /// (released on dispose). Between polls the lock is let go for a millisecond so the silo can commit.
    /// </summary>
    private static async Task<HeldWriteLock> FreezeOnceClosedDaysAreStoredAsync(string database, Process ingest, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !ingest.HasExited)
        {
            if (File.Exists(database))
            {
                var connection = new SqliteConnection($"Data Source={database};Pooling=False;Default Timeout=60");
                await connection.OpenAsync();
                var transaction = connection.BeginTransaction(deferred: false);
                try
                {
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = "SELECT count(*) FROM grain_state WHERE state_name LIKE 'history-%'";
                    if ((long)(await command.ExecuteScalarAsync())! > 0)
                    {
                        return new HeldWriteLock(connection, transaction);
                    }
                }
                catch (SqliteException)
                {
                    // The schema may not exist yet.
                }

                await transaction.RollbackAsync();
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
            }

            await Task.Delay(1);
        }

        throw new TimeoutException($"no closed day stored in {database} within {timeout} (ingest exited: {ingest.HasExited})");
    }
}
