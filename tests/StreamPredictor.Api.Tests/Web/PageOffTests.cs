using StreamPredictor.Api.Hosting;
using StreamPredictor.Grains.Hosting;

namespace StreamPredictor.Api.Tests.Web;

/// <summary>
/// <c>Stream:Http:Page=false</c>: no page, so the root is a path like any other. A silo of its own, outside the shared
/// silo's collection (a second silo stopping while the shared one runs would take its HTTP metrics with it).
/// </summary>
public sealed class PageOffTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("stream-api-nopage-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task With_the_page_off_the_root_needs_credentials_like_any_other_path()
    {
        using var host = StreamHost.BuildEmbedded(
            new StreamSiloOptions { DataDirectory = _data.FullName, SiloPort = 0, GatewayPort = 0 },
            ApiSilo.Settings([new("Stream:Http:Page", "false")]));
        await host.StartAsync();
        try
        {
            using var anonymous = ApiSilo.ClientFor(ApiSilo.AddressOf(host), null);
            using var root = await anonymous.GetAsync("/");
            using var script = await anonymous.GetAsync("/js/main.js");
            Assert.Equal(HttpStatusCode.Unauthorized, root.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, script.StatusCode);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
