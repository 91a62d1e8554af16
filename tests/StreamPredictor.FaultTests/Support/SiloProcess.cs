using System.Globalization;

namespace StreamPredictor.FaultTests.Support;

/// <summary>A cluster-profile silo as its own process: the built StreamPredictor.Silo.dll, configured by environment.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private SiloProcess(ChildProcess process, int siloPort, int gatewayPort)
    {
        Process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public ChildProcess Process { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>Starts the process; it is ready once <see cref="WaitUntilActiveAsync"/> returns.</summary>
    public static SiloProcess Start(string name, string clusterId, string redis, string natsUrl, IReadOnlyDictionary<string, string>? settings = null)
    {
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["Stream__Silo__Profile"] = "cluster",
            ["Stream__Silo__Redis"] = redis,
            ["Stream__Silo__NatsUrl"] = natsUrl,
            ["Stream__Silo__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Stream__Silo__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Stream__Silo__DependencyRetryMax"] = "00:00:02",
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__ServiceId"] = clusterId,
            ["Orleans__Endpoints__AdvertisedIPAddress"] = "127.0.0.1",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__StreamPredictor"] = "Information",
            ["Logging__LogLevel__Orleans.Runtime.Watchdog"] = "Error",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            ["DOTNET_gcServer"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var dll = Path.Combine(AppContext.BaseDirectory, "StreamPredictor.Silo.dll");
        return new SiloProcess(ChildProcess.Start(name, "dotnet", [dll], environment), siloPort, gatewayPort);
    }

    /// <summary>Active: the silo has logged that it joined the cluster and serves clients.</summary>
    public Task WaitUntilActiveAsync(TimeSpan deadline) =>
        Process.WaitForLineAsync("the silo's 'active' line", IsActiveLine, deadline);

    public bool IsActive => Process.Lines.Any(IsActiveLine);

    private static bool IsActiveLine(string line) => line.Contains("Stream silo active:", StringComparison.Ordinal);

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
