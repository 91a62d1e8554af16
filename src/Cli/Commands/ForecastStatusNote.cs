using StreamPredictor.Abstractions.Forecasting;

namespace StreamPredictor.Cli.Commands;

/// <summary>A line for standard error when a symbol's forecasts do not come from the registry's active version, saying why.</summary>
public static class ForecastStatusNote
{
    public static string? Describe(ForecastStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var served = status.ServedVersion == 0 ? "the naive model" : $"version {status.ServedVersion} ({status.ServedModel})";
        return status switch
        {
            { LoadFailure: { } failure } when failure.Version == status.ActiveVersion =>
                $"stream: warning: {status.Symbol}: active model version {failure.Version} could not be loaded ({failure.Reason}); forecasts come from {served} until it loads",
            { IsCurrent: false, ActiveVersion: { } active } =>
                $"stream: warning: {status.Symbol}: forecasts come from {served}; active version {active} is not loaded yet",
            _ => null,
        };
    }

    /// <summary>Writes the note for <paramref name="symbol"/>, if there is one.</summary>
    public static async Task WriteAsync(IClusterClient cluster, CliConsole console, string symbol)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(console);
        if (Describe(await cluster.GetGrain<IForecastGrain>(symbol).GetStatusAsync()) is { } note)
        {
            console.Error.WriteLine(note);
        }
    }
}
