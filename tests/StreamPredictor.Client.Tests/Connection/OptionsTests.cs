using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StreamPredictor.Client.Cluster;

namespace StreamPredictor.Client.Tests.Connection;

/// <summary>Options are bound with the options pattern: configuration, then code, then <c>services.Configure</c>; checked at start.</summary>
[Collection(SiloCollection.Name)]
public sealed class OptionsTests(SiloFixture fixture)
{
    [Fact]
    public void Configuration_then_the_delegate_then_services_Configure_set_the_options()
    {
        using var host = ClientHosts.Build(
            "silo-1:30001",
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Stream:Client:BatchSize"] = "1000",
                    ["Stream:Client:ConnectTimeout"] = "00:00:07",
                    ["Orleans:ClusterId"] = "prod",
                });
                builder.Services.Configure<StreamClientOptions>(o => o.PollInterval = TimeSpan.FromMilliseconds(20));
            },
            o => o.MaxUnconfirmedBatches = 8);

        var options = host.Services.GetRequiredService<IOptions<StreamClientOptions>>().Value;

        Assert.Equal(["silo-1:30001"], options.Gateways);
        Assert.Equal(1000, options.BatchSize);
        Assert.Equal(TimeSpan.FromSeconds(7), options.ConnectTimeout);
        Assert.Equal(8, options.MaxUnconfirmedBatches);
        Assert.Equal(TimeSpan.FromMilliseconds(20), options.PollInterval);
        Assert.Equal("prod", options.ClusterId);
    }

    [Fact]
    public async Task Options_set_with_services_Configure_change_what_the_client_does()
    {
        const string symbol = "OPTIONS-BATCH";
        using var host = await ClientHosts.StartAsync(fixture.Gateway, builder =>
            builder.Services.Configure<StreamClientOptions>(o => o.BatchSize = 1000));

        var result = await host.StreamClient().IngestAsync(symbol, TickFiles.Ticks(SharedData.CoinbaseMinutes));

        Assert.Equal(13, result.BatchesSent);
        Assert.Equal(13, (await fixture.Client.GetStatsAsync(symbol)).Batches);
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Stream:Client:BatchSize", "0", "Stream:Client:BatchSize must be from 1 to 1,000,000; it is '0'")]
    [InlineData("Stream:Client:ConfirmationTimeout", "-00:00:01", "Stream:Client:ConfirmationTimeout must be positive; it is '-00:00:01'")]
    [InlineData("Stream:Client:MaxUnconfirmedBatches", "0", "Stream:Client:MaxUnconfirmedBatches must be from 1 to 100,000; it is '0'")]
    public async Task A_bad_setting_fails_at_start_naming_it(string setting, string value, string message)
    {
        using var host = ClientHosts.Build(fixture.Gateway, builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [setting] = value }));

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_client_without_Redis_fails_at_start_naming_the_setting()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddStreamClusterClient();
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Stream:Client:Redis is required", e.Message, StringComparison.Ordinal);
    }
}
