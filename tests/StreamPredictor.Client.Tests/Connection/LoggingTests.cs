using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StreamPredictor.Client.Tests.Connection;

/// <summary>Quiet by default: connecting logs nothing from Orleans below Warning; configuration turns it up.</summary>
[Collection(SiloCollection.Name)]
public sealed class LoggingTests(SiloFixture fixture)
{
    [Fact]
    public async Task Connecting_and_disconnecting_log_no_Orleans_information()
    {
        var entries = await ConnectAndStopAsync(new Dictionary<string, string?>());

        Assert.DoesNotContain(entries, e => e.Category.StartsWith("Orleans", StringComparison.Ordinal) && e.Level < LogLevel.Warning);
    }

    [Fact]
    public async Task Logging_LogLevel_Orleans_in_configuration_turns_them_up()
    {
        var entries = await ConnectAndStopAsync(new Dictionary<string, string?> { ["Logging:LogLevel:Orleans"] = "Information" });

        Assert.Contains(entries, e => e.Category.StartsWith("Orleans", StringComparison.Ordinal) && e.Level == LogLevel.Information);
    }

    /// <summary>A client app with the default host builder (configuration-driven logging), capturing what it logs.</summary>
    private async Task<IReadOnlyList<(string Category, LogLevel Level, string Message)>> ConnectAndStopAsync(Dictionary<string, string?> settings)
    {
        var capture = new LogCapture();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(capture);
        builder.AddStreamClient(o => o.Gateways.Add(fixture.Gateway));
        using var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IStreamClient>().GetStatsAsync("LOGGING");
        await host.StopAsync();
        return capture.Entries;
    }
}
