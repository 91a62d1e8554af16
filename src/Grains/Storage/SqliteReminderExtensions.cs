using Microsoft.Extensions.DependencyInjection;

namespace StreamPredictor.Grains.Storage;

public static class SqliteReminderExtensions
{
    /// <summary>Orleans reminders kept in the SQLite file at <paramref name="databasePath"/> (the embedded profile's).</summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder silo, string databasePath)
    {
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable>(_ => new SqliteReminderTable(new SqliteStorageOptions { DatabasePath = databasePath }));
        return silo;
    }
}
