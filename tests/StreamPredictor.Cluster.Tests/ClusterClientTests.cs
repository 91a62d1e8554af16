using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StreamPredictor.Client;
using StreamPredictor.Client.Cluster;
using StreamPredictor.Grains.Market;
using StreamPredictor.Grains.Tests.Support;

namespace StreamPredictor.Cluster.Tests;

/// <summary>
/// The SDK's cluster-profile package for real: an app with <c>AddStreamClusterClient</c> finds the silos in a real
/// redis-server and ingests through a real nats-server's JetStream, confirmed end to end.
/// </summary>
public sealed class ClusterClientTests : IAsyncLifetime
{
    private readonly List<IHost> _hosts = [];
    private ClusterServices _services = null!;

    public async Task InitializeAsync() => _services = await ClusterServices.StartAsync();

    public async Task DisposeAsync()
    {
        try
        {
            await ClusterHosts.StopAsync(_hosts);
        }
        finally
        {
            await _services.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_file_ingested_through_AddStreamClusterClient_is_confirmed_and_gives_the_days_of_stream_daily()
    {
        _hosts.Add(await ClusterHosts.StartSiloAsync(_services));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stream:Client:Redis"] = _services.Redis,
            ["Stream:Client:NatsUrl"] = _services.NatsUrl,
            ["Orleans:ClusterId"] = ClusterHosts.ClusterId,
            ["Orleans:ServiceId"] = ClusterHosts.ClusterId,
        });
        builder.AddStreamClusterClient();
        var host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IStreamClient>();
        var file = SharedData.PathOf(SharedData.CoinbaseMinutes);

        var result = await client.IngestFileAsync("COINBASE", file);

        Assert.Equal(12_423, result.TicksSent);
        Assert.Equal(12_423, result.Counts.Accepted);
        Assert.Equal(DailyImport.Run(file).Days, await client.GetDaysAsync("COINBASE"));
    }
}
