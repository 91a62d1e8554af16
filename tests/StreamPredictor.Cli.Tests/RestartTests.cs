using Microsoft.Data.Sqlite;
using StreamPredictor.Cli.Tests.Support;
using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Cli.Tests;

public sealed class RestartTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task An_embedded_silo_killed_mid_ingest_then_restarted_and_fed_the_file_again_ends_with_exact_days()
    {
        var file = SharedData.PathOf(SharedData.BinanceMinutes);
        var data = _files.PathOf("silo-data");
        string[] ingest = ["ingest", file, "--symbol", "BTCUSDT", "--embedded", "--data", data, "--batch", "1024"];

        using (var first = StreamProcess.Start(ingest))
        {
            var error = first.StandardError.ReadToEndAsync();
            await WaitForClosedDaysAsync(Path.Combine(data, "stream.db"), TimeSpan.FromSeconds(120));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            Assert.DoesNotContain("ticks accepted", await error, StringComparison.Ordinal);
        }

        var second = await StreamProcess.RunAsync(TimeSpan.FromMinutes(5), ingest);
        var days = await StreamProcess.RunAsync(TimeSpan.FromMinutes(2), "days", "--symbol", "BTCUSDT", "--embedded", "--data", data);
        var daily = await CliRun.RunAsync("daily", file);

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("ticks accepted", second.Error, StringComparison.Ordinal);
        Assert.Equal(0, days.ExitCode);
        Assert.Equal(daily.Out, days.Out);
    }

    /// <summary>Waits until the market grain has stored some closed days, i.e. the ingest is under way.</summary>
    private static async Task WaitForClosedDaysAsync(string database, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(database))
            {
                try
                {
                    await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
                    await connection.OpenAsync();
                    await using var command = connection.CreateCommand();
                    command.CommandText = "SELECT count(*) FROM grain_state WHERE state_name LIKE 'history-%'";
                    if ((long)(await command.ExecuteScalarAsync())! > 0)
                    {
                        return;
                    }
                }
                catch (SqliteException)
                {
                    // The schema may not exist yet.
                }
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no closed day stored in {database} within {timeout}");
    }
}
