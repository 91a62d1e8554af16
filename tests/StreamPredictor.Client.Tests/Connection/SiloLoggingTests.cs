using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamPredictor.Client.Advanced;
using StreamPredictor.Api.Hosting;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.Client.Tests.Connection;

/// <summary>The silo host's shipped filters: Orleans and Polly information stays out of a healthy silo's log unless configuration asks for it.</summary>
public sealed class SiloLoggingTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_silo_with_the_shipped_filters_logs_no_Orleans_or_Polly_information()
    {
        var entries = await RunSiloAsync(new Dictionary<string, string?>());

        Assert.DoesNotContain(entries, e => IsNoisy(e.Category) && e.Level < LogLevel.Warning);
        Assert.Contains(entries, e => e.Category == "Microsoft.Hosting.Lifetime");
    }

    [Fact]
    public async Task Configuration_turns_the_silo_logs_up()
    {
        var entries = await RunSiloAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Orleans"] = "Information" });

        Assert.Contains(entries, e => e.Category.StartsWith("Orleans", StringComparison.Ordinal) && e.Level == LogLevel.Information);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public void The_silo_host_applies_the_filters_with_or_without_HTTP(string http)
    {
        string[] args = [$"--Stream:Http:Enabled={http}", $"--Stream:Silo:DataDirectory={_files.PathOf("unused")}"];
        using var quiet = StreamHost.Build(args);
        using var loud = StreamHost.Build([.. args, "--Logging:LogLevel:Polly=Information"]);

        Assert.False(Enabled(quiet, "Orleans.Runtime.Silo", LogLevel.Information));
        Assert.False(Enabled(quiet, "Polly", LogLevel.Information));
        Assert.True(Enabled(quiet, "Orleans.Runtime.Silo", LogLevel.Warning));
        Assert.True(Enabled(loud, "Polly", LogLevel.Information));
    }

    private static bool Enabled(IHost host, string category, LogLevel level) =>
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category).IsEnabled(level);

    private static bool IsNoisy(string category) =>
        category.StartsWith("Orleans", StringComparison.Ordinal) || category.StartsWith("Polly", StringComparison.Ordinal);

    /// <summary>A silo host set up as src/Silo's Program.cs sets it up, doing a little work, with its log captured.</summary>
    private async Task<IReadOnlyList<(string Category, LogLevel Level, string Message)>> RunSiloAsync(Dictionary<string, string?> settings)
    {
        var capture = new LogCapture();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stream:Silo:DataDirectory"] = _files.PathOf("silo-" + Guid.NewGuid().ToString("N")),
            ["Stream:Silo:SiloPort"] = EmbeddedSiloHost.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Stream:Silo:GatewayPort"] = EmbeddedSiloHost.FreePort().ToString(CultureInfo.InvariantCulture),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(capture);
        builder.Logging.AddStreamSiloFilters();
        builder.UseOrleans(silo => silo.UseStream(builder.Configuration));
        using var host = builder.Build();
        await host.StartAsync();
        var client = StreamClientFactory.Create(host.Services.GetRequiredService<IClusterClient>());
        await client.IngestAsync("SILO-LOGS", [new Tick(1_609_459_200, 1, 1, 1, 1, 1), new Tick(1_609_545_600, 2, 2, 2, 2, 1)]);
        await client.GetForecastAsync("SILO-LOGS");
        await host.StopAsync();
        return capture.Entries;
    }
}
